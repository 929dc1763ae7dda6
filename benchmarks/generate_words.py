"""The words and names generate.py makes a plan of: the strategy's phases, stages and
outcomes, the partner organisations, the boards, places and committees, people's names and
roles, the pieces of action titles, update notes and resolution texts. Invented; a change here
changes every generated plan (run.py regenerates its plans when this file or generate.py
changes)."""

PHASES = (  # number, name, start year, end year
    (1, "Design", 2024, 2025),
    (2, "Implement and deliver", 2025, 2026),
    (3, "Maintain and operate", 2026, 2028),
    (4, "Review and refine", 2028, 2029),
    (5, "Evaluate", 2029, 2029),
)
STAGES = (
    (1, "Universal and community family help"),
    (2, "Focused family help"),
    (3, "Specialist family help"),
)
OUTCOMES = (
    ("good-education", "Getting a good education"),
    ("early-years", "Good early years development"),
    ("health", "Improved mental and physical health"),
    ("substance-use", "Promoting recovery and reducing harm from substance use"),
    ("family-relationships", "Improved family relationships"),
    ("safe-from-exploitation", "Children safe from abuse and exploitation"),
    ("crime-prevention", "Crime prevention and tackling crime"),
    ("domestic-abuse", "Safe from domestic abuse"),
    ("secure-housing", "Secure housing"),
    ("financial-stability", "Financial stability"),
)
ORGANISATIONS = (
    ("council", "Northvale Metropolitan Borough Council"),
    ("police", "Northvale Police"),
    ("icb", "Northvale Integrated Care Board"),
    ("schools", "Northvale Schools Partnership"),
    ("vcs", "Northvale Voluntary Action"),
    ("housing", "Northvale Homes"),
    ("jobcentre", "Jobcentre Plus Northvale"),
    ("fire", "Northvale Fire and Rescue"),
)
MIDDLE_BOARDS = (
    ("supporting-families-board", "Supporting Families Board"),
    ("best-start-board", "Best Start Board"),
    ("youth-partnership-board", "Youth Partnership Board"),
    ("family-hubs-board", "Family Hubs Board"),
)
PLACES = (
    "Ashby", "Bramley", "Carrow", "Dunmore", "Elmfield", "Fairholme", "Greaves", "Hallam",
    "Ingleby", "Kirkdale", "Longmoor", "Marston", "Netherton", "Oakworth", "Pendle", "Queensbury",
    "Rawcliffe", "Stannington", "Thornbury", "Upperby", "Whitwell", "Yeadon",
)  # fmt: skip
COMMITTEES = (
    ("cabinet", "Cabinet"),
    ("improving-lives-select-commission", "Improving Lives Select Commission"),
)
FIRST_NAMES = (
    "Aisha", "Ben", "Chloe", "Dev", "Emma", "Faisal", "Grace", "Harry", "Imran", "Jess", "Kelly",
    "Liam", "Maya", "Nadia", "Owen", "Priya", "Rosa", "Sam", "Tom", "Zara",
)  # fmt: skip
LAST_NAMES = (
    "Ahmed", "Brown", "Clarke", "Davies", "Evans", "Green", "Hughes", "Khan", "Lewis", "Moore",
    "Patel", "Roberts", "Shaw", "Taylor", "Walker", "White", "Wood", "Young",
)  # fmt: skip
ROLES = (
    "Locality Manager", "Early Help Practitioner", "Family Hub Lead", "Head of Service",
    "Designated Safeguarding Lead", "Youth Work Coordinator", "Health Visitor Team Leader",
    "Neighbourhood Inspector", "Attendance Officer", "Data and Performance Analyst",
    "Commissioning Manager", "Housing Options Officer", "Domestic Abuse Coordinator",
    "School Nurse Lead", "Voluntary Sector Liaison",
)  # fmt: skip
VERBS = (
    "Deliver", "Review", "Develop", "Commission", "Pilot", "Embed", "Evaluate", "Expand",
    "Map", "Agree", "Launch", "Train staff on", "Publish", "Monitor", "Co-produce",
)  # fmt: skip
OBJECTS = (
    "the family hub offer", "the Early Help Assessment", "the roadmap of a child's journey",
    "baby packs", "the universal youth work offer", "school attendance support",
    "the SEND Hub", "parenting programmes", "the digital self-service offer",
    "the domestic abuse pathway", "mental health drop-ins", "the NEET reengagement programme",
    "the early education take-up plan", "the exclusions reduction plan",
    "the substance misuse referral route", "the housing stability protocol",
    "the financial inclusion service", "the multi-agency front door", "the data sharing agreement",
    "the workforce development plan", "the community grants scheme", "the transitions protocol",
)  # fmt: skip
QUALIFIERS = (
    "across the borough", "in every locality", "with schools", "with health partners",
    "with the police", "for families with under-fives", "for young carers",
    "with the voluntary sector", "for children missing education", "in priority wards",
)  # fmt: skip
NOTES = (
    "On track; partners engaged", "Milestone met", "Awaiting partner sign-off",
    "Recruitment slipping by a month", "Funding confirmed for next year", "Pilot evaluated well",
    "Data quality issues being resolved", "Venue secured", "Training sessions booked",
    "Delayed by staff absence", "Consultation closed; responses analysed",
    "Risk escalated to the board", "Dependency on IT delivery", "Scope agreed with commissioners",
)  # fmt: skip
RESOLUTION_TEXTS = (
    "That the report be noted.",
    "That the update on {obj} be received and the progress made be noted.",
    "That officers report back on {obj} at a future meeting.",
    "That the Commission recommends that {obj} be extended {qual}.",
    "That Cabinet approves the approach to {obj}.",
    "That the Assistant Director provides members with data on {obj}.",
)
KINDS = ("resolved", "recommended", "agreed", "noted")

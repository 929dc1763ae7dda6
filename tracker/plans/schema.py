"""Validating a parsed plan file into a PlanDocument, collecting every problem.

Each section is checked item by item (types, allowed values, required fields, unknown fields),
then across the file (unique codes and refs, references, dates within the strategy's period,
board and dependency cycles); see tracker.plans.crosscheck.
"""

from __future__ import annotations

from tracker.plans import access
from tracker.plans import document as d
from tracker.plans import drafts as dr
from tracker.plans.crosscheck import cross_check
from tracker.plans.issues import Issue, Path
from tracker.plans.plain import (
    _SPECS,
    _plain_action,
    _plain_update,
    _plain_update_list,
    plain_updates,
)
from tracker.plans.section_checks import SectionChecks
from tracker.vocabulary import (
    BOARD_KINDS,
    FOLLOWUP_STATUSES,
    MEETING_STATUSES,
    RAGS,
    RESOLUTION_KINDS,
    STATUSES,
)

PHASE_NUMBERS = (1, 5)
STAGE_NUMBERS = (1, 3)


class _Validator(SectionChecks):
    """Each section of a plan file, item by item (the checks sections share are inherited)."""

    def strategy(self, value: object) -> dr.StrategyDraft | None:
        path: Path = ("strategy",)
        m = self.fields(value, path, "STRATEGY_FIELDS", ("title", "period"))
        if m is None:
            return None
        start = end = None
        period = m.get("period")
        if period is not None:
            p = self.fields(period, (*path, "period"), "PERIOD_FIELDS", ("start", "end"))
            if p is not None:
                start = self.integer(p.get("start"), (*path, "period", "start"), 1900, 2200)
                end = self.integer(p.get("end"), (*path, "period", "end"), 1900, 2200)
                if start is not None and end is not None and end < start:
                    self.add(
                        (*path, "period", "end"),
                        f"the period ends ({end}) before it starts ({start})",
                    )
        green, red = self.rag(m.get("rag"), (*path, "rag"))
        return dr.StrategyDraft(
            rag_green=green,
            rag_red=red,
            title=self.text(m.get("title"), (*path, "title"), 300, required=True),
            start_year=start,
            end_year=end,
            vision=self.text(m.get("vision"), (*path, "vision")),
            principles=self.texts(m.get("principles"), (*path, "principles")),
            source=self.text(m.get("source"), (*path, "source")),
        )

    def organisation(self, value: object, path: Path) -> dr.OrganisationDraft | None:
        m = self.fields(value, path, "ORGANISATION_FIELDS", ("code", "name"))
        if m is None:
            return None
        return dr.OrganisationDraft(
            code=self.code(m.get("code"), (*path, "code")),
            name=self.text(m.get("name"), (*path, "name"), 300, required=True),
        )

    def person(self, value: object, path: Path) -> dr.PersonDraft | None:
        m = self.fields(value, path, "PERSON_FIELDS", ("code",))
        if m is None:
            return None
        name = self.text(m.get("name"), (*path, "name"), 200)
        role = self.text(m.get("role"), (*path, "role"), 300)
        if m.get("name") is None and m.get("role") is None:
            self.add(path, "a person needs a name or a role (or both)")
        return dr.PersonDraft(
            code=self.code(m.get("code"), (*path, "code")),
            name=name,
            role=role,
            organisation=self.code(m.get("organisation"), (*path, "organisation")),
            email=self.email(m.get("email"), (*path, "email")),
        )

    def board(self, value: object, path: Path) -> dr.BoardDraft | None:
        m = self.fields(value, path, "BOARD_FIELDS", ("code", "name"))
        if m is None:
            return None
        return dr.BoardDraft(
            code=self.code(m.get("code"), (*path, "code")),
            name=self.text(m.get("name"), (*path, "name"), 300, required=True),
            kind=self.choice(m.get("kind", "board"), (*path, "kind"), BOARD_KINDS),
            parent=self.code(m.get("parent"), (*path, "parent")),
            chair=self.code(m.get("chair"), (*path, "chair")),
            chair_description=self.text(
                m.get("chair_description"), (*path, "chair_description"), 300
            ),
            meets=self.text(m.get("meets"), (*path, "meets"), 200),
            area=self.text(m.get("area"), (*path, "area"), 200),
            description=self.text(m.get("description"), (*path, "description")),
            tolerances=self.tolerances(m.get("tolerances"), (*path, "tolerances")),
        )

    def phase(self, value: object, path: Path) -> dr.PhaseDraft | None:
        m = self.fields(value, path, "PHASE_FIELDS", ("number",))
        if m is None:
            return None
        return dr.PhaseDraft(
            number=self.integer(m.get("number"), (*path, "number"), *PHASE_NUMBERS),
            name=self.text(m.get("name"), (*path, "name"), 200),
            start=self.integer(m.get("start"), (*path, "start")),
            end=self.integer(m.get("end"), (*path, "end")),
            description=self.text(m.get("description"), (*path, "description")),
        )

    def stage(self, value: object, path: Path) -> dr.StageDraft | None:
        m = self.fields(value, path, "STAGE_FIELDS", ("number", "name"))
        if m is None:
            return None
        return dr.StageDraft(
            number=self.integer(m.get("number"), (*path, "number"), *STAGE_NUMBERS),
            name=self.text(m.get("name"), (*path, "name"), 200, required=True),
            description=self.text(m.get("description"), (*path, "description")),
            commitments=self.texts(m.get("commitments"), (*path, "commitments")),
        )

    def outcome(self, value: object, path: Path) -> dr.OutcomeDraft | None:
        m = self.fields(value, path, "OUTCOME_FIELDS", ("code", "name"))
        if m is None:
            return None
        return dr.OutcomeDraft(
            code=self.code(m.get("code"), (*path, "code")),
            name=self.text(m.get("name"), (*path, "name"), 300, required=True),
        )

    def reading(self, value: object, path: Path) -> dr.ReadingDraft | None:
        m = self.fields(value, path, "READING_FIELDS", ("value",))
        if m is None:
            return None
        return dr.ReadingDraft(
            date=self.date(m.get("date"), (*path, "date")),
            period=self.text(m.get("period"), (*path, "period"), 200),
            value=self.number(m.get("value"), (*path, "value")),
            note=self.text(m.get("note"), (*path, "note")),
        )

    def indicator(self, value: object, path: Path) -> dr.IndicatorDraft | None:
        m = self.fields(value, path, "INDICATOR_FIELDS", ("code", "name"))
        if m is None:
            return None
        readings = self.items(m.get("readings"), (*path, "readings"), self.reading)
        return dr.IndicatorDraft(
            code=self.code(m.get("code"), (*path, "code")),
            name=self.text(m.get("name"), (*path, "name"), 300, required=True),
            outcome=self.code(m.get("outcome"), (*path, "outcome")),
            board=self.code(m.get("board"), (*path, "board")),
            unit=self.text(m.get("unit"), (*path, "unit"), 60),
            target=self.number(m.get("target"), (*path, "target")),
            direction=self.choice(
                m.get("direction"), (*path, "direction"), d.DIRECTIONS, nullable=True
            ),
            frequency=self.text(m.get("frequency"), (*path, "frequency"), 60),
            source=self.text(m.get("source"), (*path, "source")),
            readings=readings,
        )

    def update(self, value: object, path: Path) -> dr.UpdateDraft | d.UpdateSpec | None:
        plain = _plain_update(value)  # the common case, checked in one expression
        if plain is not None:
            return plain
        m = self.fields(value, path, "UPDATE_FIELDS", ("at", "by", "status", "progress"))
        if m is None:
            return None
        return dr.UpdateDraft(
            at=self.timestamp(m.get("at"), (*path, "at")),
            by=self.text(m.get("by"), (*path, "by"), 200, required=True),
            status=self.choice(m.get("status"), (*path, "status"), STATUSES),
            rag=self.choice(m.get("rag"), (*path, "rag"), RAGS, nullable=True),
            progress=self.integer(m.get("progress"), (*path, "progress"), 0, 100),
            commentary=self.text(m.get("commentary"), (*path, "commentary")),
        )

    def action(self, value: object, path: Path) -> dr.ActionDraft | d.ActionSpec | None:
        plain = _plain_action(value)  # the common case, checked without a call per field
        if plain is not None:
            updates = self.updates(plain_updates(value), (*path, "updates"))
            if set(map(type, updates)) <= _SPECS:  # every field and update fine: its spec
                return d.ActionSpec(*plain, updates)  # type: ignore[arg-type]
            return dr.ActionDraft(*plain, updates)
        m = self.fields(value, path, "ACTION_FIELDS", ("ref", "title", "phase"))
        if m is None:
            return None
        outcomes = self.sequence(m.get("outcomes"), (*path, "outcomes"))
        depends = self.sequence(m.get("depends_on"), (*path, "depends_on"))
        # a null where a value must be: refused here (the checks below pass a null over)
        for name, listed in (("outcomes", outcomes), ("depends_on", depends)):
            for i, v in enumerate(listed):
                if v is None:
                    self.add((*path, name, i), "must not be null")
        if "progress" in m and m["progress"] is None:
            self.add((*path, "progress"), "must not be null", "0..100")
        return dr.ActionDraft(
            ref=self.ref(m.get("ref"), (*path, "ref")),
            title=self.text(m.get("title"), (*path, "title"), required=True),
            description=self.text(m.get("description"), (*path, "description")),
            phase=self.integer(m.get("phase"), (*path, "phase")),
            stage=self.integer(m.get("stage"), (*path, "stage")),
            outcomes=tuple(self.code(v, (*path, "outcomes", i)) for i, v in enumerate(outcomes)),
            board=self.code(m.get("board"), (*path, "board")),
            owner=self.code(m.get("owner"), (*path, "owner")),
            lead_organisation=self.code(m.get("lead_organisation"), (*path, "lead_organisation")),
            start=self.date(m.get("start"), (*path, "start")),
            due=self.date(m.get("due"), (*path, "due")),
            status=self.choice(m.get("status", "not started"), (*path, "status"), STATUSES),
            rag=self.choice(m.get("rag"), (*path, "rag"), RAGS, nullable=True),
            progress=self.integer(m.get("progress", 0), (*path, "progress"), 0, 100),
            depends_on=tuple(self.ref(v, (*path, "depends_on", i)) for i, v in enumerate(depends)),
            updates=self.updates(m.get("updates"), (*path, "updates")),
            exempt=self.exempt(m.get("exempt"), (*path, "exempt")),
        )

    def updates(
        self, value: object, path: Path
    ) -> tuple[dr.UpdateDraft | d.UpdateSpec | None, ...]:
        """`items` of updates: a plain one is taken without building its path."""
        if type(value) is list:
            every = _plain_update_list(value)  # the usual case: all of them plain
            if every is not None:
                return every
        plain = _plain_update
        return tuple([  # a list first: cheaper than a generator, 100,000 times
            plain(item) or self.update(item, (*path, i))
            for i, item in enumerate(self.sequence(value, path))
        ])  # fmt: skip

    def followup(self, value: object, path: Path) -> dr.FollowUpDraft | None:
        m = self.fields(value, path, "FOLLOWUP_FIELDS", ("text",))
        if m is None:
            return None
        return dr.FollowUpDraft(
            owner=self.code(m.get("owner"), (*path, "owner")),
            owner_text=self.text(m.get("owner_text"), (*path, "owner_text"), 300),
            text=self.text(m.get("text"), (*path, "text"), required=True),
            due=self.date(m.get("due"), (*path, "due")),
            status=self.choice(m.get("status", "open"), (*path, "status"), FOLLOWUP_STATUSES),
            uid=self.uid(m.get("uid"), (*path, "uid")),
            sequence=self.sequence_number(m.get("sequence"), (*path, "sequence")),
            exempt=self.exempt(m.get("exempt"), (*path, "exempt")),
        )

    def resolution(self, value: object, path: Path) -> dr.ResolutionDraft | None:
        m = self.fields(value, path, "RESOLUTION_FIELDS", ("number", "kind", "text"))
        if m is None:
            return None
        number = m.get("number")
        if isinstance(number, int) and not isinstance(number, bool):
            number = str(number)  # `number: 1` means "1"
        return dr.ResolutionDraft(
            number=self.text(number, (*path, "number"), 40, required=True),
            kind=self.choice(m.get("kind"), (*path, "kind"), RESOLUTION_KINDS),
            text=self.text(m.get("text"), (*path, "text"), required=True),
            followups=self.items(m.get("followups"), (*path, "followups"), self.followup),
            exempt=self.exempt(m.get("exempt"), (*path, "exempt")),
        )

    def meeting(self, value: object, path: Path) -> dr.MeetingDraft | None:
        m = self.fields(value, path, "MEETING_FIELDS", ("board",))
        if m is None:
            return None
        return dr.MeetingDraft(
            board=self.code(m.get("board"), (*path, "board")),
            date=self.date(m.get("date"), (*path, "date")),
            title=self.text(m.get("title"), (*path, "title"), 300),
            status=self.choice(m.get("status", "scheduled"), (*path, "status"), MEETING_STATUSES),
            resolutions=self.items(m.get("resolutions"), (*path, "resolutions"), self.resolution),
            uid=self.uid(m.get("uid"), (*path, "uid")),
            sequence=self.sequence_number(m.get("sequence"), (*path, "sequence")),
        )


def validate(data: object) -> tuple[d.PlanDocument | None, list[Issue]]:
    """The plan document, or None and every issue found (each with its path in the data)."""
    v = _Validator()
    top = v.fields(data, (), "TOP_FIELDS", ("schema", "strategy"))
    if top is None:
        return None, v.issues
    schema = top.get("schema")
    if schema is not None and schema != d.SCHEMA:
        v.add(("schema",), f"unknown schema {schema!r}", d.SCHEMA)
    strategy = v.strategy(top.get("strategy")) if top.get("strategy") is not None else None
    draft = dr.PlanDraft(
        strategy=strategy,
        organisations=v.items(top.get("organisations"), ("organisations",), v.organisation),
        people=v.items(top.get("people"), ("people",), v.person),
        boards=v.items(top.get("boards"), ("boards",), v.board),
        phases=v.items(top.get("phases"), ("phases",), v.phase),
        stages=v.items(top.get("stages"), ("stages",), v.stage),
        outcomes=v.items(top.get("outcomes"), ("outcomes",), v.outcome),
        indicators=v.items(top.get("indicators"), ("indicators",), v.indicator),
        actions=v.items(top.get("actions"), ("actions",), v.action),
        meetings=v.items(top.get("meetings"), ("meetings",), v.meeting),
        access=v.items(top.get("access"), ("access",), lambda x, p: access.entry(v, x, p)),
    )
    cross_check(v, draft)
    access.cross_check(v, draft.access, draft.boards)
    if v.issues:
        return None, v.issues
    return draft.complete(), []

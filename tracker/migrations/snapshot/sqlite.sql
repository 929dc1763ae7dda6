-- The schema at 0016_followupsource, generated from the migrations by `.venv/bin/python -m tracker.migrations.snapshot`.
-- Do not edit: write a migration, then generate this again.
CREATE TABLE account (
	id INTEGER NOT NULL,
	login VARCHAR(200) NOT NULL,
	display_name VARCHAR(200) NOT NULL,
	password_hash VARCHAR(500),
	disabled BOOLEAN NOT NULL,
	database_login VARCHAR(200),
	CONSTRAINT pk_account PRIMARY KEY (id),
	CONSTRAINT uq_account_database_login UNIQUE (database_login),
	CONSTRAINT uq_account_login UNIQUE (login)
);
CREATE TABLE account_role (
	id INTEGER NOT NULL,
	account_id INTEGER NOT NULL,
	role VARCHAR(40) NOT NULL,
	board_id INTEGER,
	committee_id INTEGER,
	CONSTRAINT fk_account_role_account_id_account FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE,
	CONSTRAINT fk_account_role_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE CASCADE,
	CONSTRAINT fk_account_role_committee_id_board FOREIGN KEY(committee_id) REFERENCES board (id) ON DELETE CASCADE,
	CONSTRAINT pk_account_role PRIMARY KEY (id)
);
CREATE TABLE action (
	id INTEGER NOT NULL,
	ref VARCHAR(40) NOT NULL,
	strategy_id INTEGER NOT NULL,
	phase_id INTEGER NOT NULL,
	stage_id INTEGER,
	board_id INTEGER,
	owner_id INTEGER,
	lead_organisation_id INTEGER,
	title TEXT NOT NULL,
	description TEXT,
	start DATE,
	due DATE,
	status VARCHAR(20) NOT NULL,
	rag VARCHAR(10),
	progress INTEGER NOT NULL,
	cancelled_reason TEXT,
	latest_update_at DATETIME,
	latest_commentary TEXT,
	created_at DATETIME NOT NULL,
	version INTEGER NOT NULL,
	exempt_paragraph INTEGER,
	CONSTRAINT ck_action_progress_range CHECK (progress >= 0 AND progress <= 100),
	CONSTRAINT fk_action_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE SET NULL,
	CONSTRAINT fk_action_lead_organisation_id_organisation FOREIGN KEY(lead_organisation_id) REFERENCES organisation (id) ON DELETE SET NULL,
	CONSTRAINT fk_action_owner_id_person FOREIGN KEY(owner_id) REFERENCES person (id) ON DELETE SET NULL,
	CONSTRAINT fk_action_phase_id_phase FOREIGN KEY(phase_id) REFERENCES phase (id),
	CONSTRAINT fk_action_stage_id_stage FOREIGN KEY(stage_id) REFERENCES stage (id) ON DELETE SET NULL,
	CONSTRAINT fk_action_strategy_id_strategy FOREIGN KEY(strategy_id) REFERENCES strategy (id) ON DELETE CASCADE,
	CONSTRAINT pk_action PRIMARY KEY (id),
	CONSTRAINT uq_action_ref UNIQUE (ref)
);
CREATE TABLE action_dependency (
	action_id INTEGER NOT NULL,
	depends_on_id INTEGER NOT NULL,
	CONSTRAINT fk_action_dependency_action_id_action FOREIGN KEY(action_id) REFERENCES action (id) ON DELETE CASCADE,
	CONSTRAINT fk_action_dependency_depends_on_id_action FOREIGN KEY(depends_on_id) REFERENCES action (id) ON DELETE CASCADE,
	CONSTRAINT pk_action_dependency PRIMARY KEY (action_id, depends_on_id)
);
CREATE TABLE action_outcome (
	action_id INTEGER NOT NULL,
	outcome_id INTEGER NOT NULL,
	CONSTRAINT fk_action_outcome_action_id_action FOREIGN KEY(action_id) REFERENCES action (id) ON DELETE CASCADE,
	CONSTRAINT fk_action_outcome_outcome_id_outcome FOREIGN KEY(outcome_id) REFERENCES outcome (id) ON DELETE CASCADE,
	CONSTRAINT pk_action_outcome PRIMARY KEY (action_id, outcome_id)
);
CREATE TABLE agenda_item (
	id INTEGER NOT NULL,
	meeting_id INTEGER NOT NULL,
	position INTEGER NOT NULL,
	title VARCHAR(500) NOT NULL,
	notes TEXT,
	exempt_paragraph INTEGER,
	CONSTRAINT fk_agenda_item_meeting_id_meeting FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
	CONSTRAINT pk_agenda_item PRIMARY KEY (id),
	CONSTRAINT uq_agenda_item_meeting_id_position UNIQUE (meeting_id, position)
);
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL,
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE audit_entry (
	id INTEGER NOT NULL,
	at DATETIME NOT NULL,
	actor VARCHAR(200) NOT NULL,
	operation VARCHAR(20) NOT NULL,
	entity VARCHAR(40) NOT NULL,
	entity_key VARCHAR(200) NOT NULL,
	field VARCHAR(60),
	old TEXT,
	new TEXT,
	batch_id INTEGER,
	CONSTRAINT pk_audit_entry PRIMARY KEY (id)
);
CREATE TABLE board (
	id INTEGER NOT NULL,
	code VARCHAR(80) NOT NULL,
	name VARCHAR(300) NOT NULL,
	kind VARCHAR(20) NOT NULL,
	parent_id INTEGER,
	chair_id INTEGER,
	chair_description VARCHAR(300),
	meets VARCHAR(200),
	area VARCHAR(200),
	description TEXT,
	version INTEGER NOT NULL,
	tolerances JSON,
	CONSTRAINT fk_board_chair_id_person FOREIGN KEY(chair_id) REFERENCES person (id) ON DELETE SET NULL,
	CONSTRAINT fk_board_parent_id_board FOREIGN KEY(parent_id) REFERENCES board (id) ON DELETE SET NULL,
	CONSTRAINT pk_board PRIMARY KEY (id),
	CONSTRAINT uq_board_code UNIQUE (code)
);
CREATE TABLE chaser (
	id INTEGER NOT NULL,
	board_id INTEGER NOT NULL,
	meeting_date DATE NOT NULL,
	owner VARCHAR(300) NOT NULL,
	address VARCHAR(320) NOT NULL,
	actions INTEGER NOT NULL,
	message_id VARCHAR(300) NOT NULL,
	sent_at DATETIME NOT NULL,
	sent_by VARCHAR(200) NOT NULL,
	CONSTRAINT fk_chaser_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE CASCADE,
	CONSTRAINT pk_chaser PRIMARY KEY (id)
);
CREATE TABLE commitment (
	id INTEGER NOT NULL,
	stage_id INTEGER NOT NULL,
	position INTEGER NOT NULL,
	text TEXT NOT NULL,
	CONSTRAINT fk_commitment_stage_id_stage FOREIGN KEY(stage_id) REFERENCES stage (id) ON DELETE CASCADE,
	CONSTRAINT pk_commitment PRIMARY KEY (id),
	CONSTRAINT uq_commitment_stage_id_position UNIQUE (stage_id, position)
);
CREATE TABLE escalation (
	id INTEGER NOT NULL,
	action_id INTEGER NOT NULL,
	from_board_id INTEGER NOT NULL,
	to_board_id INTEGER NOT NULL,
	raised_on DATE NOT NULL,
	raised_by VARCHAR(200) NOT NULL,
	reason TEXT NOT NULL,
	decision_sought TEXT NOT NULL,
	status VARCHAR(20) NOT NULL,
	decided_on DATE,
	decided_meeting_id INTEGER,
	decision_note TEXT,
	follows_id INTEGER,
	version INTEGER NOT NULL,
	CONSTRAINT fk_escalation_action_id_action FOREIGN KEY(action_id) REFERENCES action (id) ON DELETE CASCADE,
	CONSTRAINT fk_escalation_decided_meeting_id_meeting FOREIGN KEY(decided_meeting_id) REFERENCES meeting (id) ON DELETE SET NULL,
	CONSTRAINT fk_escalation_follows_id_escalation FOREIGN KEY(follows_id) REFERENCES escalation (id) ON DELETE SET NULL,
	CONSTRAINT fk_escalation_from_board_id_board FOREIGN KEY(from_board_id) REFERENCES board (id) ON DELETE CASCADE,
	CONSTRAINT fk_escalation_to_board_id_board FOREIGN KEY(to_board_id) REFERENCES board (id) ON DELETE CASCADE,
	CONSTRAINT pk_escalation PRIMARY KEY (id)
);
CREATE TABLE "followup" (
	id INTEGER NOT NULL,
	meeting_id INTEGER NOT NULL,
	resolution_id INTEGER,
	action_id INTEGER,
	position INTEGER NOT NULL,
	owner_id INTEGER,
	owner_text VARCHAR(300),
	text TEXT NOT NULL,
	due DATE,
	status VARCHAR(20) NOT NULL,
	closed_on DATE,
	fingerprint VARCHAR(64) NOT NULL,
	version INTEGER NOT NULL,
	escalation_id INTEGER,
	uid VARCHAR(36) NOT NULL,
	sequence_base INTEGER DEFAULT '0' NOT NULL,
	exempt_paragraph INTEGER,
	source VARCHAR(20) DEFAULT 'unrecorded' NOT NULL CONSTRAINT ck_followup_source_known CHECK (source IN ('resolution', 'minuted', 'review', 'hand', 'escalation', 'unrecorded')),
	CONSTRAINT fk_followup_action_id_action FOREIGN KEY(action_id) REFERENCES action (id) ON DELETE SET NULL,
	CONSTRAINT fk_followup_escalation_id_escalation FOREIGN KEY(escalation_id) REFERENCES escalation (id) ON DELETE SET NULL,
	CONSTRAINT fk_followup_meeting_id_meeting FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
	CONSTRAINT fk_followup_owner_id_person FOREIGN KEY(owner_id) REFERENCES person (id) ON DELETE SET NULL,
	CONSTRAINT fk_followup_resolution_id_resolution FOREIGN KEY(resolution_id) REFERENCES resolution (id) ON DELETE SET NULL,
	CONSTRAINT pk_followup PRIMARY KEY (id),
	CONSTRAINT uq_followup_meeting_id_fingerprint UNIQUE (meeting_id, fingerprint)
);
CREATE TABLE followup_response (
	id INTEGER NOT NULL,
	followup_id INTEGER NOT NULL,
	recorded_at DATETIME NOT NULL,
	recorded_by VARCHAR(200) NOT NULL,
	status VARCHAR(20) NOT NULL,
	text TEXT,
	CONSTRAINT fk_followup_response_followup_id_followup FOREIGN KEY(followup_id) REFERENCES followup (id) ON DELETE CASCADE,
	CONSTRAINT pk_followup_response PRIMARY KEY (id)
);
CREATE TABLE indicator (
	id INTEGER NOT NULL,
	code VARCHAR(80) NOT NULL,
	name VARCHAR(300) NOT NULL,
	outcome_id INTEGER,
	board_id INTEGER,
	unit VARCHAR(60),
	target FLOAT,
	direction VARCHAR(10),
	frequency VARCHAR(60),
	source TEXT,
	version INTEGER NOT NULL,
	target_max FLOAT,
	CONSTRAINT fk_indicator_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE SET NULL,
	CONSTRAINT fk_indicator_outcome_id_outcome FOREIGN KEY(outcome_id) REFERENCES outcome (id) ON DELETE SET NULL,
	CONSTRAINT pk_indicator PRIMARY KEY (id),
	CONSTRAINT uq_indicator_code UNIQUE (code)
);
CREATE TABLE indicator_reading (
	id INTEGER NOT NULL,
	indicator_id INTEGER NOT NULL,
	date DATE,
	period VARCHAR(200),
	value FLOAT NOT NULL,
	note TEXT,
	version INTEGER DEFAULT '1' NOT NULL,
	CONSTRAINT fk_indicator_reading_indicator_id_indicator FOREIGN KEY(indicator_id) REFERENCES indicator (id) ON DELETE CASCADE,
	CONSTRAINT pk_indicator_reading PRIMARY KEY (id)
);
CREATE TABLE issued_paper (
	id INTEGER NOT NULL,
	board_id INTEGER NOT NULL,
	meeting_id INTEGER,
	paper_date DATE NOT NULL,
	as_of DATE NOT NULL,
	template VARCHAR(200) NOT NULL,
	kind VARCHAR(40) NOT NULL,
	format VARCHAR(10) NOT NULL,
	version INTEGER NOT NULL,
	issued_at DATETIME NOT NULL,
	issued_by VARCHAR(200) NOT NULL,
	note TEXT,
	text TEXT NOT NULL,
	data TEXT NOT NULL,
	sha256 VARCHAR(64) NOT NULL,
	CONSTRAINT fk_issued_paper_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE CASCADE,
	CONSTRAINT fk_issued_paper_meeting_id_meeting FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE SET NULL,
	CONSTRAINT pk_issued_paper PRIMARY KEY (id),
	CONSTRAINT uq_issued_paper_board_id_template_paper_date_format_version UNIQUE (board_id, template, paper_date, format, version)
);
CREATE TABLE "meeting" (
	id INTEGER NOT NULL,
	board_id INTEGER NOT NULL,
	date DATE,
	title VARCHAR(300),
	status VARCHAR(20) NOT NULL,
	location VARCHAR(300),
	notes TEXT,
	held_at DATETIME,
	version INTEGER NOT NULL,
	starts TIME,
	ends TIME,
	online_link VARCHAR(500),
	chair VARCHAR(300),
	series VARCHAR(200),
	uid VARCHAR(36) NOT NULL,
	sequence_base INTEGER DEFAULT '0' NOT NULL,
	CONSTRAINT fk_meeting_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE CASCADE,
	CONSTRAINT pk_meeting PRIMARY KEY (id)
);
CREATE TABLE "meeting_attendee" (
	id INTEGER NOT NULL,
	meeting_id INTEGER NOT NULL,
	person_id INTEGER,
	name VARCHAR(300) NOT NULL,
	present BOOLEAN DEFAULT 1 NOT NULL,
	CONSTRAINT fk_meeting_attendee_meeting_id_meeting FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
	CONSTRAINT fk_meeting_attendee_person_id_person FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE SET NULL,
	CONSTRAINT pk_meeting_attendee PRIMARY KEY (id)
);
CREATE TABLE organisation (
	id INTEGER NOT NULL,
	code VARCHAR(80) NOT NULL,
	name VARCHAR(300) NOT NULL,
	CONSTRAINT pk_organisation PRIMARY KEY (id),
	CONSTRAINT uq_organisation_code UNIQUE (code)
);
CREATE TABLE outcome (
	id INTEGER NOT NULL,
	code VARCHAR(80) NOT NULL,
	name VARCHAR(300) NOT NULL,
	position INTEGER NOT NULL,
	CONSTRAINT pk_outcome PRIMARY KEY (id),
	CONSTRAINT uq_outcome_code UNIQUE (code)
);
CREATE TABLE pending_role (
	id INTEGER NOT NULL,
	login VARCHAR(200) NOT NULL,
	role VARCHAR(40) NOT NULL,
	board_id INTEGER,
	committee_id INTEGER,
	CONSTRAINT fk_pending_role_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE CASCADE,
	CONSTRAINT fk_pending_role_committee_id_board FOREIGN KEY(committee_id) REFERENCES board (id) ON DELETE CASCADE,
	CONSTRAINT pk_pending_role PRIMARY KEY (id)
);
CREATE TABLE person (
	id INTEGER NOT NULL,
	code VARCHAR(80) NOT NULL,
	name VARCHAR(200),
	role VARCHAR(300),
	organisation_id INTEGER,
	email VARCHAR(320),
	CONSTRAINT fk_person_organisation_id_organisation FOREIGN KEY(organisation_id) REFERENCES organisation (id) ON DELETE SET NULL,
	CONSTRAINT pk_person PRIMARY KEY (id),
	CONSTRAINT uq_person_code UNIQUE (code)
);
CREATE TABLE phase (
	id INTEGER NOT NULL,
	strategy_id INTEGER NOT NULL,
	number INTEGER NOT NULL,
	name VARCHAR(200),
	start_year INTEGER,
	end_year INTEGER,
	description TEXT,
	CONSTRAINT fk_phase_strategy_id_strategy FOREIGN KEY(strategy_id) REFERENCES strategy (id) ON DELETE CASCADE,
	CONSTRAINT pk_phase PRIMARY KEY (id),
	CONSTRAINT uq_phase_strategy_id_number UNIQUE (strategy_id, number)
);
CREATE TABLE resolution (
	id INTEGER NOT NULL,
	meeting_id INTEGER NOT NULL,
	item_title VARCHAR(500),
	number VARCHAR(40) NOT NULL,
	position INTEGER NOT NULL,
	kind VARCHAR(20) NOT NULL,
	text TEXT NOT NULL,
	fingerprint VARCHAR(64) NOT NULL,
	exempt_paragraph INTEGER,
	CONSTRAINT fk_resolution_meeting_id_meeting FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
	CONSTRAINT pk_resolution PRIMARY KEY (id),
	CONSTRAINT uq_resolution_meeting_id_fingerprint UNIQUE (meeting_id, fingerprint)
);
CREATE TABLE return_import (
	id INTEGER NOT NULL,
	token VARCHAR(64) NOT NULL,
	sha256 VARCHAR(64) NOT NULL,
	board_id INTEGER NOT NULL,
	meeting_date DATE NOT NULL,
	reporter VARCHAR(300) NOT NULL,
	file TEXT NOT NULL,
	recorded INTEGER NOT NULL,
	imported_at DATETIME NOT NULL,
	imported_by VARCHAR(200) NOT NULL,
	CONSTRAINT fk_return_import_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE CASCADE,
	CONSTRAINT pk_return_import PRIMARY KEY (id)
);
CREATE TABLE saved_view (
	id INTEGER NOT NULL,
	name VARCHAR(80) NOT NULL,
	created_by VARCHAR(200) NOT NULL,
	filters JSON NOT NULL,
	sort VARCHAR(20) NOT NULL,
	descending BOOLEAN NOT NULL,
	CONSTRAINT pk_saved_view PRIMARY KEY (id),
	CONSTRAINT uq_saved_view_name UNIQUE (name)
);
CREATE TABLE sign_in_failure (
	id INTEGER NOT NULL,
	login VARCHAR(200) NOT NULL,
	source VARCHAR(200) NOT NULL,
	at DATETIME NOT NULL,
	CONSTRAINT pk_sign_in_failure PRIMARY KEY (id)
);
CREATE TABLE sign_in_ticket (
	id INTEGER NOT NULL,
	ticket_hash VARCHAR(64) NOT NULL,
	account_id INTEGER NOT NULL,
	expires DATETIME NOT NULL,
	used BOOLEAN NOT NULL,
	CONSTRAINT fk_sign_in_ticket_account_id_account FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE,
	CONSTRAINT pk_sign_in_ticket PRIMARY KEY (id),
	CONSTRAINT uq_sign_in_ticket_ticket_hash UNIQUE (ticket_hash)
);
CREATE TABLE stage (
	id INTEGER NOT NULL,
	strategy_id INTEGER NOT NULL,
	number INTEGER NOT NULL,
	name VARCHAR(200) NOT NULL,
	description TEXT,
	CONSTRAINT fk_stage_strategy_id_strategy FOREIGN KEY(strategy_id) REFERENCES strategy (id) ON DELETE CASCADE,
	CONSTRAINT pk_stage PRIMARY KEY (id),
	CONSTRAINT uq_stage_strategy_id_number UNIQUE (strategy_id, number)
);
CREATE TABLE status_update (
	id INTEGER NOT NULL,
	action_id INTEGER NOT NULL,
	recorded_at DATETIME NOT NULL,
	recorded_by VARCHAR(200) NOT NULL,
	status VARCHAR(20) NOT NULL,
	rag VARCHAR(10),
	progress INTEGER NOT NULL,
	commentary TEXT,
	CONSTRAINT fk_status_update_action_id_action FOREIGN KEY(action_id) REFERENCES action (id) ON DELETE CASCADE,
	CONSTRAINT pk_status_update PRIMARY KEY (id)
);
CREATE TABLE strategy (
	id INTEGER NOT NULL,
	title VARCHAR(300) NOT NULL,
	start_year INTEGER NOT NULL,
	end_year INTEGER NOT NULL,
	vision TEXT,
	principles JSON NOT NULL,
	source TEXT,
	rag_green FLOAT,
	rag_red FLOAT,
	CONSTRAINT pk_strategy PRIMARY KEY (id),
	CONSTRAINT uq_strategy_title UNIQUE (title)
);
CREATE TABLE "update_review" (
	id INTEGER NOT NULL,
	update_id INTEGER NOT NULL,
	board_id INTEGER NOT NULL,
	meeting_id INTEGER NOT NULL,
	outcome VARCHAR(20) NOT NULL,
	comment TEXT,
	recorded_by VARCHAR(200) NOT NULL,
	recorded_at DATETIME NOT NULL,
	answered_by_id INTEGER,
	CONSTRAINT fk_update_review_answered_by_id_status_update FOREIGN KEY(answered_by_id) REFERENCES status_update (id) ON DELETE SET NULL,
	CONSTRAINT fk_update_review_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE CASCADE,
	CONSTRAINT fk_update_review_meeting_id_meeting FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
	CONSTRAINT fk_update_review_update_id_status_update FOREIGN KEY(update_id) REFERENCES status_update (id) ON DELETE CASCADE,
	CONSTRAINT pk_update_review PRIMARY KEY (id),
	CONSTRAINT uq_update_review_update_id_board_id UNIQUE (update_id, board_id)
);
CREATE TABLE web_session (
	id INTEGER NOT NULL,
	token_hash VARCHAR(64) NOT NULL,
	account_id INTEGER NOT NULL,
	source VARCHAR(200) NOT NULL,
	started DATETIME NOT NULL,
	last_active DATETIME NOT NULL,
	idle_seconds INTEGER NOT NULL,
	idle_until DATETIME NOT NULL,
	expires DATETIME NOT NULL,
	CONSTRAINT fk_web_session_account_id_account FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE,
	CONSTRAINT pk_web_session PRIMARY KEY (id),
	CONSTRAINT uq_web_session_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_account_role_account_id ON account_role (account_id);
CREATE INDEX ix_action_board_id ON action (board_id);
CREATE INDEX ix_action_dependency_depends_on_id ON action_dependency (depends_on_id);
CREATE INDEX ix_action_due ON action (due);
CREATE INDEX ix_action_exempt ON action (exempt_paragraph) WHERE exempt_paragraph IS NOT NULL;
CREATE INDEX ix_action_owner_id ON action (owner_id);
CREATE INDEX ix_action_phase_counts ON action (phase_id, status, rag, progress);
CREATE INDEX ix_action_rollup ON action (board_id, phase_id, stage_id, status, rag, progress);
CREATE INDEX ix_action_stage_id ON action (stage_id);
CREATE INDEX ix_action_status_rag ON action (status, rag);
CREATE INDEX ix_audit_entry_batch_id ON audit_entry (batch_id);
CREATE INDEX ix_audit_entry_entity ON audit_entry (entity, entity_key);
CREATE INDEX ix_board_parent_id ON board (parent_id);
CREATE INDEX ix_chaser_board_meeting ON chaser (board_id, meeting_date);
CREATE INDEX ix_escalation_action_id ON escalation (action_id);
CREATE INDEX ix_escalation_to_board_id ON escalation (to_board_id);
CREATE INDEX ix_followup_action_id ON followup (action_id);
CREATE INDEX ix_followup_resolution_id ON followup (resolution_id);
CREATE INDEX ix_followup_response_followup_id ON followup_response (followup_id);
CREATE INDEX ix_followup_status_due ON followup (status, due);
CREATE INDEX ix_indicator_reading_indicator_id ON indicator_reading (indicator_id);
CREATE INDEX ix_issued_paper_meeting ON issued_paper (meeting_id);
CREATE INDEX ix_meeting_attendee_meeting_id ON meeting_attendee (meeting_id);
CREATE INDEX ix_meeting_board_date ON meeting (board_id, date);
CREATE INDEX ix_pending_role_login ON pending_role (login);
CREATE INDEX ix_return_import_token ON return_import (token, sha256);
CREATE INDEX ix_sign_in_failure_login_at ON sign_in_failure (login, at);
CREATE INDEX ix_sign_in_failure_source_at ON sign_in_failure (source, at);
CREATE INDEX ix_status_update_recorded_at ON status_update (recorded_at);
CREATE INDEX ix_status_update_trend ON status_update (action_id, recorded_at, progress);
CREATE INDEX ix_update_review_meeting ON update_review (meeting_id);
CREATE INDEX ix_web_session_account_id ON web_session (account_id);
CREATE INDEX ix_web_session_expires ON web_session (expires);
CREATE TRIGGER issued_paper_frozen BEFORE UPDATE OF board_id, paper_date, as_of, template, kind, format, version, issued_at, issued_by, note, text, data, sha256 ON issued_paper BEGIN SELECT RAISE(ABORT, 'an issued paper cannot be changed: issue it again for a new version'); END;
INSERT INTO alembic_version (version_num) VALUES ('0016_followupsource');

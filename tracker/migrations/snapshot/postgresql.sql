-- The schema at 0016_followupsource, generated from the migrations by `.venv/bin/python -m tracker.migrations.snapshot`.
-- Do not edit: write a migration, then generate this again.
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE audit_entry (
	id SERIAL NOT NULL, 
	at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	actor VARCHAR(200) NOT NULL, 
	operation VARCHAR(20) NOT NULL, 
	entity VARCHAR(40) NOT NULL, 
	entity_key VARCHAR(200) NOT NULL, 
	field VARCHAR(60), 
	"old" TEXT, 
	"new" TEXT, 
	CONSTRAINT pk_audit_entry PRIMARY KEY (id)
);

CREATE INDEX ix_audit_entry_entity ON audit_entry (entity, entity_key);

CREATE TABLE organisation (
	id SERIAL NOT NULL, 
	code VARCHAR(80) NOT NULL, 
	name VARCHAR(300) NOT NULL, 
	CONSTRAINT pk_organisation PRIMARY KEY (id), 
	CONSTRAINT uq_organisation_code UNIQUE (code)
);

CREATE TABLE outcome (
	id SERIAL NOT NULL, 
	code VARCHAR(80) NOT NULL, 
	name VARCHAR(300) NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_outcome PRIMARY KEY (id), 
	CONSTRAINT uq_outcome_code UNIQUE (code)
);

CREATE TABLE strategy (
	id SERIAL NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	start_year INTEGER NOT NULL, 
	end_year INTEGER NOT NULL, 
	vision TEXT, 
	principles JSON NOT NULL, 
	source TEXT, 
	CONSTRAINT pk_strategy PRIMARY KEY (id), 
	CONSTRAINT uq_strategy_title UNIQUE (title)
);

CREATE TABLE person (
	id SERIAL NOT NULL, 
	code VARCHAR(80) NOT NULL, 
	name VARCHAR(200), 
	role VARCHAR(300), 
	organisation_id INTEGER, 
	CONSTRAINT pk_person PRIMARY KEY (id), 
	CONSTRAINT fk_person_organisation_id_organisation FOREIGN KEY(organisation_id) REFERENCES organisation (id) ON DELETE SET NULL, 
	CONSTRAINT uq_person_code UNIQUE (code)
);

CREATE TABLE phase (
	id SERIAL NOT NULL, 
	strategy_id INTEGER NOT NULL, 
	number INTEGER NOT NULL, 
	name VARCHAR(200), 
	start_year INTEGER, 
	end_year INTEGER, 
	description TEXT, 
	CONSTRAINT pk_phase PRIMARY KEY (id), 
	CONSTRAINT fk_phase_strategy_id_strategy FOREIGN KEY(strategy_id) REFERENCES strategy (id) ON DELETE CASCADE, 
	CONSTRAINT uq_phase_strategy_id_number UNIQUE (strategy_id, number)
);

CREATE TABLE stage (
	id SERIAL NOT NULL, 
	strategy_id INTEGER NOT NULL, 
	number INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	description TEXT, 
	CONSTRAINT pk_stage PRIMARY KEY (id), 
	CONSTRAINT fk_stage_strategy_id_strategy FOREIGN KEY(strategy_id) REFERENCES strategy (id) ON DELETE CASCADE, 
	CONSTRAINT uq_stage_strategy_id_number UNIQUE (strategy_id, number)
);

CREATE TABLE board (
	id SERIAL NOT NULL, 
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
	CONSTRAINT pk_board PRIMARY KEY (id), 
	CONSTRAINT fk_board_chair_id_person FOREIGN KEY(chair_id) REFERENCES person (id) ON DELETE SET NULL, 
	CONSTRAINT fk_board_parent_id_board FOREIGN KEY(parent_id) REFERENCES board (id) ON DELETE SET NULL, 
	CONSTRAINT uq_board_code UNIQUE (code)
);

CREATE INDEX ix_board_parent_id ON board (parent_id);

CREATE TABLE commitment (
	id SERIAL NOT NULL, 
	stage_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	CONSTRAINT pk_commitment PRIMARY KEY (id), 
	CONSTRAINT fk_commitment_stage_id_stage FOREIGN KEY(stage_id) REFERENCES stage (id) ON DELETE CASCADE, 
	CONSTRAINT uq_commitment_stage_id_position UNIQUE (stage_id, position)
);

CREATE TABLE action (
	id SERIAL NOT NULL, 
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
	latest_update_at TIMESTAMP WITHOUT TIME ZONE, 
	latest_commentary TEXT, 
	created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	version INTEGER NOT NULL, 
	CONSTRAINT pk_action PRIMARY KEY (id), 
	CONSTRAINT ck_action_progress_range CHECK (progress >= 0 AND progress <= 100), 
	CONSTRAINT fk_action_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE SET NULL, 
	CONSTRAINT fk_action_lead_organisation_id_organisation FOREIGN KEY(lead_organisation_id) REFERENCES organisation (id) ON DELETE SET NULL, 
	CONSTRAINT fk_action_owner_id_person FOREIGN KEY(owner_id) REFERENCES person (id) ON DELETE SET NULL, 
	CONSTRAINT fk_action_phase_id_phase FOREIGN KEY(phase_id) REFERENCES phase (id), 
	CONSTRAINT fk_action_stage_id_stage FOREIGN KEY(stage_id) REFERENCES stage (id) ON DELETE SET NULL, 
	CONSTRAINT fk_action_strategy_id_strategy FOREIGN KEY(strategy_id) REFERENCES strategy (id) ON DELETE CASCADE, 
	CONSTRAINT uq_action_ref UNIQUE (ref)
);

CREATE INDEX ix_action_board_id ON action (board_id);

CREATE INDEX ix_action_due ON action (due);

CREATE INDEX ix_action_owner_id ON action (owner_id);

CREATE INDEX ix_action_phase_id ON action (phase_id);

CREATE INDEX ix_action_stage_id ON action (stage_id);

CREATE INDEX ix_action_status_rag ON action (status, rag);

CREATE TABLE indicator (
	id SERIAL NOT NULL, 
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
	CONSTRAINT pk_indicator PRIMARY KEY (id), 
	CONSTRAINT fk_indicator_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE SET NULL, 
	CONSTRAINT fk_indicator_outcome_id_outcome FOREIGN KEY(outcome_id) REFERENCES outcome (id) ON DELETE SET NULL, 
	CONSTRAINT uq_indicator_code UNIQUE (code)
);

CREATE TABLE meeting (
	id SERIAL NOT NULL, 
	board_id INTEGER NOT NULL, 
	date DATE, 
	title VARCHAR(300), 
	status VARCHAR(20) NOT NULL, 
	location VARCHAR(300), 
	notes TEXT, 
	held_at TIMESTAMP WITHOUT TIME ZONE, 
	version INTEGER NOT NULL, 
	CONSTRAINT pk_meeting PRIMARY KEY (id), 
	CONSTRAINT fk_meeting_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE CASCADE
);

CREATE INDEX ix_meeting_board_date ON meeting (board_id, date);

CREATE TABLE action_dependency (
	action_id INTEGER NOT NULL, 
	depends_on_id INTEGER NOT NULL, 
	CONSTRAINT pk_action_dependency PRIMARY KEY (action_id, depends_on_id), 
	CONSTRAINT fk_action_dependency_action_id_action FOREIGN KEY(action_id) REFERENCES action (id) ON DELETE CASCADE, 
	CONSTRAINT fk_action_dependency_depends_on_id_action FOREIGN KEY(depends_on_id) REFERENCES action (id) ON DELETE CASCADE
);

CREATE INDEX ix_action_dependency_depends_on_id ON action_dependency (depends_on_id);

CREATE TABLE action_outcome (
	action_id INTEGER NOT NULL, 
	outcome_id INTEGER NOT NULL, 
	CONSTRAINT pk_action_outcome PRIMARY KEY (action_id, outcome_id), 
	CONSTRAINT fk_action_outcome_action_id_action FOREIGN KEY(action_id) REFERENCES action (id) ON DELETE CASCADE, 
	CONSTRAINT fk_action_outcome_outcome_id_outcome FOREIGN KEY(outcome_id) REFERENCES outcome (id) ON DELETE CASCADE
);

CREATE TABLE agenda_item (
	id SERIAL NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	title VARCHAR(500) NOT NULL, 
	notes TEXT, 
	CONSTRAINT pk_agenda_item PRIMARY KEY (id), 
	CONSTRAINT fk_agenda_item_meeting_id_meeting FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	CONSTRAINT uq_agenda_item_meeting_id_position UNIQUE (meeting_id, position)
);

CREATE TABLE escalation (
	id SERIAL NOT NULL, 
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
	CONSTRAINT pk_escalation PRIMARY KEY (id), 
	CONSTRAINT fk_escalation_action_id_action FOREIGN KEY(action_id) REFERENCES action (id) ON DELETE CASCADE, 
	CONSTRAINT fk_escalation_decided_meeting_id_meeting FOREIGN KEY(decided_meeting_id) REFERENCES meeting (id) ON DELETE SET NULL, 
	CONSTRAINT fk_escalation_follows_id_escalation FOREIGN KEY(follows_id) REFERENCES escalation (id) ON DELETE SET NULL, 
	CONSTRAINT fk_escalation_from_board_id_board FOREIGN KEY(from_board_id) REFERENCES board (id) ON DELETE CASCADE, 
	CONSTRAINT fk_escalation_to_board_id_board FOREIGN KEY(to_board_id) REFERENCES board (id) ON DELETE CASCADE
);

CREATE INDEX ix_escalation_action_id ON escalation (action_id);

CREATE INDEX ix_escalation_to_board_id ON escalation (to_board_id);

CREATE TABLE indicator_reading (
	id SERIAL NOT NULL, 
	indicator_id INTEGER NOT NULL, 
	date DATE, 
	period VARCHAR(200), 
	value FLOAT NOT NULL, 
	note TEXT, 
	CONSTRAINT pk_indicator_reading PRIMARY KEY (id), 
	CONSTRAINT fk_indicator_reading_indicator_id_indicator FOREIGN KEY(indicator_id) REFERENCES indicator (id) ON DELETE CASCADE
);

CREATE INDEX ix_indicator_reading_indicator_id ON indicator_reading (indicator_id);

CREATE TABLE meeting_attendee (
	id SERIAL NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	person_id INTEGER, 
	name VARCHAR(300) NOT NULL, 
	CONSTRAINT pk_meeting_attendee PRIMARY KEY (id), 
	CONSTRAINT fk_meeting_attendee_meeting_id_meeting FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	CONSTRAINT fk_meeting_attendee_person_id_person FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE SET NULL
);

CREATE INDEX ix_meeting_attendee_meeting_id ON meeting_attendee (meeting_id);

CREATE TABLE resolution (
	id SERIAL NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	item_title VARCHAR(500), 
	number VARCHAR(40) NOT NULL, 
	position INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	text TEXT NOT NULL, 
	fingerprint VARCHAR(64) NOT NULL, 
	CONSTRAINT pk_resolution PRIMARY KEY (id), 
	CONSTRAINT fk_resolution_meeting_id_meeting FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	CONSTRAINT uq_resolution_meeting_id_fingerprint UNIQUE (meeting_id, fingerprint)
);

CREATE TABLE status_update (
	id SERIAL NOT NULL, 
	action_id INTEGER NOT NULL, 
	recorded_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	recorded_by VARCHAR(200) NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	rag VARCHAR(10), 
	progress INTEGER NOT NULL, 
	commentary TEXT, 
	CONSTRAINT pk_status_update PRIMARY KEY (id), 
	CONSTRAINT fk_status_update_action_id_action FOREIGN KEY(action_id) REFERENCES action (id) ON DELETE CASCADE
);

CREATE INDEX ix_status_update_action_at ON status_update (action_id, recorded_at);

CREATE INDEX ix_status_update_recorded_at ON status_update (recorded_at);

CREATE TABLE followup (
	id SERIAL NOT NULL, 
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
	CONSTRAINT pk_followup PRIMARY KEY (id), 
	CONSTRAINT fk_followup_action_id_action FOREIGN KEY(action_id) REFERENCES action (id) ON DELETE SET NULL, 
	CONSTRAINT fk_followup_meeting_id_meeting FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	CONSTRAINT fk_followup_owner_id_person FOREIGN KEY(owner_id) REFERENCES person (id) ON DELETE SET NULL, 
	CONSTRAINT fk_followup_resolution_id_resolution FOREIGN KEY(resolution_id) REFERENCES resolution (id) ON DELETE SET NULL, 
	CONSTRAINT uq_followup_meeting_id_fingerprint UNIQUE (meeting_id, fingerprint)
);

CREATE INDEX ix_followup_action_id ON followup (action_id);

CREATE INDEX ix_followup_resolution_id ON followup (resolution_id);

CREATE INDEX ix_followup_status_due ON followup (status, due);

CREATE TABLE update_review (
	id SERIAL NOT NULL, 
	update_id INTEGER NOT NULL, 
	board_id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	outcome VARCHAR(20) NOT NULL, 
	comment TEXT, 
	recorded_by VARCHAR(200) NOT NULL, 
	recorded_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	CONSTRAINT pk_update_review PRIMARY KEY (id), 
	CONSTRAINT fk_update_review_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE CASCADE, 
	CONSTRAINT fk_update_review_meeting_id_meeting FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	CONSTRAINT fk_update_review_update_id_status_update FOREIGN KEY(update_id) REFERENCES status_update (id) ON DELETE CASCADE, 
	CONSTRAINT uq_update_review_update_id_board_id UNIQUE (update_id, board_id)
);

CREATE INDEX ix_update_review_meeting ON update_review (meeting_id);

CREATE TABLE followup_response (
	id SERIAL NOT NULL, 
	followup_id INTEGER NOT NULL, 
	recorded_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	recorded_by VARCHAR(200) NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	text TEXT, 
	CONSTRAINT pk_followup_response PRIMARY KEY (id), 
	CONSTRAINT fk_followup_response_followup_id_followup FOREIGN KEY(followup_id) REFERENCES followup (id) ON DELETE CASCADE
);

CREATE INDEX ix_followup_response_followup_id ON followup_response (followup_id);

INSERT INTO alembic_version (version_num) VALUES ('0001') RETURNING alembic_version.version_num;

ALTER TABLE person ADD COLUMN email VARCHAR(320);

CREATE TABLE return_import (
	id SERIAL NOT NULL, 
	token VARCHAR(64) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	board_id INTEGER NOT NULL, 
	meeting_date DATE NOT NULL, 
	reporter VARCHAR(300) NOT NULL, 
	file TEXT NOT NULL, 
	recorded INTEGER NOT NULL, 
	imported_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	imported_by VARCHAR(200) NOT NULL, 
	CONSTRAINT pk_return_import PRIMARY KEY (id), 
	CONSTRAINT fk_return_import_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE CASCADE
);

CREATE INDEX ix_return_import_token ON return_import (token, sha256);

CREATE TABLE chaser (
	id SERIAL NOT NULL, 
	board_id INTEGER NOT NULL, 
	meeting_date DATE NOT NULL, 
	owner VARCHAR(300) NOT NULL, 
	address VARCHAR(320) NOT NULL, 
	actions INTEGER NOT NULL, 
	message_id VARCHAR(300) NOT NULL, 
	sent_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	sent_by VARCHAR(200) NOT NULL, 
	CONSTRAINT pk_chaser PRIMARY KEY (id), 
	CONSTRAINT fk_chaser_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE CASCADE
);

CREATE INDEX ix_chaser_board_meeting ON chaser (board_id, meeting_date);

UPDATE alembic_version SET version_num='0002_returns' WHERE alembic_version.version_num = '0001';

CREATE INDEX ix_action_rollup ON action (board_id, phase_id, stage_id, status, rag, progress);

UPDATE alembic_version SET version_num='0003_speed' WHERE alembic_version.version_num = '0002_returns';

ALTER TABLE strategy ADD COLUMN rag_green FLOAT;

ALTER TABLE strategy ADD COLUMN rag_red FLOAT;

ALTER TABLE board ADD COLUMN tolerances JSON;

CREATE TABLE issued_paper (
	id SERIAL NOT NULL, 
	board_id INTEGER NOT NULL, 
	meeting_id INTEGER, 
	paper_date DATE NOT NULL, 
	as_of DATE NOT NULL, 
	template VARCHAR(200) NOT NULL, 
	kind VARCHAR(40) NOT NULL, 
	format VARCHAR(10) NOT NULL, 
	version INTEGER NOT NULL, 
	issued_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	issued_by VARCHAR(200) NOT NULL, 
	note TEXT, 
	text TEXT NOT NULL, 
	data TEXT NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	CONSTRAINT pk_issued_paper PRIMARY KEY (id), 
	CONSTRAINT fk_issued_paper_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE CASCADE, 
	CONSTRAINT fk_issued_paper_meeting_id_meeting FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE SET NULL, 
	CONSTRAINT uq_issued_paper_board_id_template_paper_date_format_version UNIQUE (board_id, template, paper_date, format, version)
);

CREATE INDEX ix_issued_paper_meeting ON issued_paper (meeting_id);

CREATE FUNCTION issued_paper_frozen() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'an issued paper cannot be changed: issue it again for a new version'; END $$;

CREATE TRIGGER issued_paper_frozen BEFORE UPDATE OF board_id, paper_date, as_of, template, kind, format, version, issued_at, issued_by, note, text, data, sha256 ON issued_paper FOR EACH ROW EXECUTE FUNCTION issued_paper_frozen();

UPDATE alembic_version SET version_num='0004_ragpapers' WHERE alembic_version.version_num = '0003_speed';

ALTER TABLE meeting ADD COLUMN starts TIME WITHOUT TIME ZONE;

ALTER TABLE meeting ADD COLUMN ends TIME WITHOUT TIME ZONE;

ALTER TABLE meeting ADD COLUMN online_link VARCHAR(500);

ALTER TABLE meeting ADD COLUMN chair VARCHAR(300);

ALTER TABLE meeting ADD COLUMN series VARCHAR(200);

ALTER TABLE meeting_attendee ADD COLUMN present BOOLEAN DEFAULT true NOT NULL;

ALTER TABLE update_review ADD COLUMN answered_by_id INTEGER;

ALTER TABLE update_review ADD CONSTRAINT fk_update_review_answered_by_id_status_update FOREIGN KEY(answered_by_id) REFERENCES status_update (id) ON DELETE SET NULL;

ALTER TABLE followup ADD COLUMN escalation_id INTEGER;

ALTER TABLE followup ADD CONSTRAINT fk_followup_escalation_id_escalation FOREIGN KEY(escalation_id) REFERENCES escalation (id) ON DELETE SET NULL;

UPDATE alembic_version SET version_num='0005_meetings' WHERE alembic_version.version_num = '0004_ragpapers';

ALTER TABLE audit_entry ADD COLUMN batch_id INTEGER;

CREATE INDEX ix_audit_entry_batch_id ON audit_entry (batch_id);

ALTER TABLE indicator ADD COLUMN target_max FLOAT;

CREATE TABLE saved_view (
	id SERIAL NOT NULL, 
	name VARCHAR(80) NOT NULL, 
	created_by VARCHAR(200) NOT NULL, 
	filters JSON NOT NULL, 
	sort VARCHAR(20) NOT NULL, 
	descending BOOLEAN NOT NULL, 
	CONSTRAINT pk_saved_view PRIMARY KEY (id), 
	CONSTRAINT uq_saved_view_name UNIQUE (name)
);

UPDATE alembic_version SET version_num='0006_appbulk' WHERE alembic_version.version_num = '0005_meetings';

ALTER TABLE meeting ADD COLUMN uid VARCHAR(36);

ALTER TABLE meeting ADD COLUMN sequence_base INTEGER DEFAULT '0' NOT NULL;

ALTER TABLE meeting ALTER COLUMN uid SET NOT NULL;

ALTER TABLE followup ADD COLUMN uid VARCHAR(36);

ALTER TABLE followup ADD COLUMN sequence_base INTEGER DEFAULT '0' NOT NULL;

ALTER TABLE followup ALTER COLUMN uid SET NOT NULL;

ALTER TABLE action ADD COLUMN exempt_paragraph INTEGER;

ALTER TABLE resolution ADD COLUMN exempt_paragraph INTEGER;

ALTER TABLE followup ADD COLUMN exempt_paragraph INTEGER;

ALTER TABLE agenda_item ADD COLUMN exempt_paragraph INTEGER;

UPDATE alembic_version SET version_num='0007_formats' WHERE alembic_version.version_num = '0006_appbulk';

CREATE TABLE account (
	id SERIAL NOT NULL, 
	login VARCHAR(200) NOT NULL, 
	display_name VARCHAR(200) NOT NULL, 
	password_hash VARCHAR(500), 
	disabled BOOLEAN NOT NULL, 
	database_login VARCHAR(200), 
	CONSTRAINT pk_account PRIMARY KEY (id), 
	CONSTRAINT uq_account_login UNIQUE (login), 
	CONSTRAINT uq_account_database_login UNIQUE (database_login)
);

CREATE TABLE account_role (
	id SERIAL NOT NULL, 
	account_id INTEGER NOT NULL, 
	role VARCHAR(40) NOT NULL, 
	board_id INTEGER, 
	committee_id INTEGER, 
	CONSTRAINT pk_account_role PRIMARY KEY (id), 
	CONSTRAINT fk_account_role_account_id_account FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE, 
	CONSTRAINT fk_account_role_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE CASCADE, 
	CONSTRAINT fk_account_role_committee_id_board FOREIGN KEY(committee_id) REFERENCES board (id) ON DELETE CASCADE
);

CREATE INDEX ix_account_role_account_id ON account_role (account_id);

CREATE TABLE sign_in_ticket (
	id SERIAL NOT NULL, 
	ticket_hash VARCHAR(64) NOT NULL, 
	account_id INTEGER NOT NULL, 
	expires TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	used BOOLEAN NOT NULL, 
	CONSTRAINT pk_sign_in_ticket PRIMARY KEY (id), 
	CONSTRAINT fk_sign_in_ticket_account_id_account FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE, 
	CONSTRAINT uq_sign_in_ticket_ticket_hash UNIQUE (ticket_hash)
);

CREATE TABLE sign_in_failure (
	id SERIAL NOT NULL, 
	login VARCHAR(200) NOT NULL, 
	source VARCHAR(200) NOT NULL, 
	at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	CONSTRAINT pk_sign_in_failure PRIMARY KEY (id)
);

CREATE INDEX ix_sign_in_failure_login_at ON sign_in_failure (login, at);

CREATE INDEX ix_sign_in_failure_source_at ON sign_in_failure (source, at);

CREATE OR REPLACE FUNCTION tracker_may(p_what text, p_board integer, p_action integer)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT NOT EXISTS (SELECT 1 FROM account) OR EXISTS (
    SELECT 1 FROM account a JOIN account_role r ON r.account_id = a.id
    WHERE a.database_login = session_user AND NOT a.disabled AND (
      r.role = 'admin'
      OR (p_what IN ('verdicts', 'meetings') AND r.role = 'board_secretary'
          AND r.board_id = p_board)
      OR (p_what = 'updates' AND (
        r.role = 'programme_manager'
        OR (r.role = 'board_secretary'
            AND r.board_id = (SELECT x.board_id FROM action x WHERE x.id = p_action))
        OR (r.role = 'action_owner' AND EXISTS (
          SELECT 1 FROM action x JOIN person p ON p.id = x.owner_id
          WHERE x.id = p_action AND (
            lower(p.code) IN (a.login, lower(coalesce(a.database_login, '')))
            OR lower(coalesce(p.email, '')) = a.login)))))))
$$;

CREATE POLICY tracker_read ON update_review FOR SELECT USING (true);

CREATE POLICY tracker_write ON update_review FOR ALL USING (tracker_may('verdicts', board_id, NULL) OR tracker_may('updates', NULL, (SELECT su.action_id FROM status_update su WHERE su.id = update_id))) WITH CHECK (tracker_may('verdicts', board_id, NULL) OR tracker_may('updates', NULL, (SELECT su.action_id FROM status_update su WHERE su.id = update_id)));

CREATE POLICY tracker_read ON meeting FOR SELECT USING (true);

CREATE POLICY tracker_write ON meeting FOR ALL USING (tracker_may('meetings', board_id, NULL)) WITH CHECK (tracker_may('meetings', board_id, NULL));

CREATE POLICY tracker_read ON status_update FOR SELECT USING (true);

CREATE POLICY tracker_write ON status_update FOR ALL USING (tracker_may('updates', NULL, action_id)) WITH CHECK (tracker_may('updates', NULL, action_id));

UPDATE alembic_version SET version_num='0008_accounts' WHERE alembic_version.version_num = '0007_formats';

CREATE TABLE web_session (
	id SERIAL NOT NULL, 
	token_hash VARCHAR(64) NOT NULL, 
	account_id INTEGER NOT NULL, 
	source VARCHAR(200) NOT NULL, 
	started TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	last_active TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	idle_seconds INTEGER NOT NULL, 
	idle_until TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	expires TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	CONSTRAINT pk_web_session PRIMARY KEY (id), 
	CONSTRAINT fk_web_session_account_id_account FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE, 
	CONSTRAINT uq_web_session_token_hash UNIQUE (token_hash)
);

CREATE INDEX ix_web_session_account_id ON web_session (account_id);

CREATE INDEX ix_web_session_expires ON web_session (expires);

UPDATE alembic_version SET version_num='0009_websessions' WHERE alembic_version.version_num = '0008_accounts';

CREATE TABLE pending_role (
	id SERIAL NOT NULL, 
	login VARCHAR(200) NOT NULL, 
	role VARCHAR(40) NOT NULL, 
	board_id INTEGER, 
	committee_id INTEGER, 
	CONSTRAINT pk_pending_role PRIMARY KEY (id), 
	CONSTRAINT fk_pending_role_board_id_board FOREIGN KEY(board_id) REFERENCES board (id) ON DELETE CASCADE, 
	CONSTRAINT fk_pending_role_committee_id_board FOREIGN KEY(committee_id) REFERENCES board (id) ON DELETE CASCADE
);

CREATE INDEX ix_pending_role_login ON pending_role (login);

DROP POLICY IF EXISTS tracker_write ON update_review;

DROP POLICY IF EXISTS tracker_read ON update_review;

DROP POLICY IF EXISTS tracker_write ON meeting;

DROP POLICY IF EXISTS tracker_read ON meeting;

DROP POLICY IF EXISTS tracker_write ON status_update;

DROP POLICY IF EXISTS tracker_read ON status_update;

DROP FUNCTION IF EXISTS tracker_may(text, integer, integer);

CREATE OR REPLACE FUNCTION tracker_can(p_roles text[], p_scope integer)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT NOT EXISTS (SELECT 1 FROM account) OR EXISTS (
    SELECT 1 FROM account a JOIN account_role r ON r.account_id = a.id
    WHERE (a.database_login = session_user OR a.login = lower(session_user)) AND NOT a.disabled
      AND (r.role = 'admin' OR (r.role = ANY (p_roles) AND (
        r.role NOT IN ('board_secretary', 'board_member', 'committee_officer')
        OR coalesce(r.board_id, r.committee_id) = p_scope))))
$$;
CREATE OR REPLACE FUNCTION tracker_holds(p_roles text[])
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT NOT EXISTS (SELECT 1 FROM account) OR EXISTS (
    SELECT 1 FROM account a JOIN account_role r ON r.account_id = a.id
    WHERE (a.database_login = session_user OR a.login = lower(session_user)) AND NOT a.disabled
      AND (r.role = 'admin' OR r.role = ANY (p_roles)))
$$;
CREATE OR REPLACE FUNCTION tracker_owns(p_action integer)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT EXISTS (
    SELECT 1 FROM account a JOIN account_role r ON r.account_id = a.id
      JOIN action x ON x.id = p_action JOIN person p ON p.id = x.owner_id
    WHERE (a.database_login = session_user OR a.login = lower(session_user)) AND NOT a.disabled
      AND r.role = 'action_owner' AND (
        lower(p.code) IN (a.login, lower(coalesce(a.database_login, '')))
        OR lower(coalesce(p.email, '')) = a.login))
$$;
CREATE OR REPLACE FUNCTION tracker_self(p_account integer)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT EXISTS (SELECT 1 FROM account a WHERE a.id = p_account AND NOT a.disabled
                 AND (a.database_login = session_user OR a.login = lower(session_user)))
$$;
CREATE OR REPLACE FUNCTION tracker_action_board(p_action integer)
RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT board_id FROM action WHERE id = p_action
$$;
CREATE OR REPLACE FUNCTION tracker_meeting_board(p_meeting integer)
RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT board_id FROM meeting WHERE id = p_meeting
$$;
CREATE OR REPLACE FUNCTION tracker_update_action(p_update integer)
RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT action_id FROM status_update WHERE id = p_update
$$;
CREATE OR REPLACE FUNCTION tracker_followup_board(p_followup integer)
RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT m.board_id FROM followup f JOIN meeting m ON m.id = f.meeting_id WHERE f.id = p_followup
$$;

CREATE POLICY tracker_read ON strategy FOR SELECT USING (true);

CREATE POLICY tracker_insert ON strategy FOR INSERT WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_update ON strategy FOR UPDATE USING (tracker_holds('{programme_manager}')) WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_delete ON strategy FOR DELETE USING (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_read ON phase FOR SELECT USING (true);

CREATE POLICY tracker_insert ON phase FOR INSERT WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_update ON phase FOR UPDATE USING (tracker_holds('{programme_manager}')) WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_delete ON phase FOR DELETE USING (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_read ON stage FOR SELECT USING (true);

CREATE POLICY tracker_insert ON stage FOR INSERT WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_update ON stage FOR UPDATE USING (tracker_holds('{programme_manager}')) WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_delete ON stage FOR DELETE USING (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_read ON commitment FOR SELECT USING (true);

CREATE POLICY tracker_insert ON commitment FOR INSERT WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_update ON commitment FOR UPDATE USING (tracker_holds('{programme_manager}')) WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_delete ON commitment FOR DELETE USING (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_read ON outcome FOR SELECT USING (true);

CREATE POLICY tracker_insert ON outcome FOR INSERT WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_update ON outcome FOR UPDATE USING (tracker_holds('{programme_manager}')) WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_delete ON outcome FOR DELETE USING (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_read ON organisation FOR SELECT USING (true);

CREATE POLICY tracker_insert ON organisation FOR INSERT WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_update ON organisation FOR UPDATE USING (tracker_holds('{programme_manager}')) WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_delete ON organisation FOR DELETE USING (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_read ON person FOR SELECT USING (true);

CREATE POLICY tracker_insert ON person FOR INSERT WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_update ON person FOR UPDATE USING (tracker_holds('{programme_manager}')) WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_delete ON person FOR DELETE USING (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_read ON action_dependency FOR SELECT USING (true);

CREATE POLICY tracker_insert ON action_dependency FOR INSERT WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_update ON action_dependency FOR UPDATE USING (tracker_holds('{programme_manager}')) WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_delete ON action_dependency FOR DELETE USING (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_read ON action_outcome FOR SELECT USING (true);

CREATE POLICY tracker_insert ON action_outcome FOR INSERT WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_update ON action_outcome FOR UPDATE USING (tracker_holds('{programme_manager}')) WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_delete ON action_outcome FOR DELETE USING (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_read ON indicator FOR SELECT USING (true);

CREATE POLICY tracker_insert ON indicator FOR INSERT WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_update ON indicator FOR UPDATE USING (tracker_holds('{programme_manager}')) WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_delete ON indicator FOR DELETE USING (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_read ON indicator_reading FOR SELECT USING (true);

CREATE POLICY tracker_insert ON indicator_reading FOR INSERT WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_update ON indicator_reading FOR UPDATE USING (tracker_holds('{programme_manager}')) WITH CHECK (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_delete ON indicator_reading FOR DELETE USING (tracker_holds('{programme_manager}'));

CREATE POLICY tracker_read ON board FOR SELECT USING (true);

CREATE POLICY tracker_insert ON board FOR INSERT WITH CHECK (tracker_holds('{}'));

CREATE POLICY tracker_update ON board FOR UPDATE USING (tracker_holds('{}')) WITH CHECK (tracker_holds('{}'));

CREATE POLICY tracker_delete ON board FOR DELETE USING (tracker_holds('{}'));

CREATE POLICY tracker_read ON action FOR SELECT USING (exempt_paragraph IS NULL OR tracker_can('{programme_manager,board_secretary,board_member,committee_officer}', board_id) OR tracker_owns(id));

CREATE POLICY tracker_insert ON action FOR INSERT WITH CHECK (tracker_holds('{programme_manager}') OR tracker_owns(id) OR tracker_can('{board_secretary}', board_id));

CREATE POLICY tracker_update ON action FOR UPDATE USING (tracker_holds('{programme_manager}') OR tracker_owns(id) OR tracker_can('{board_secretary}', board_id)) WITH CHECK (tracker_holds('{programme_manager}') OR tracker_owns(id) OR tracker_can('{board_secretary}', board_id));

CREATE POLICY tracker_delete ON action FOR DELETE USING (tracker_holds('{programme_manager}') OR tracker_owns(id) OR tracker_can('{board_secretary}', board_id));

CREATE POLICY tracker_read ON status_update FOR SELECT USING (EXISTS (SELECT 1 FROM action x WHERE x.id = action_id));

CREATE POLICY tracker_insert ON status_update FOR INSERT WITH CHECK (tracker_holds('{programme_manager}') OR tracker_owns(action_id) OR tracker_can('{board_secretary}', tracker_action_board(action_id)));

CREATE POLICY tracker_update ON status_update FOR UPDATE USING (tracker_holds('{programme_manager}') OR tracker_owns(action_id) OR tracker_can('{board_secretary}', tracker_action_board(action_id))) WITH CHECK (tracker_holds('{programme_manager}') OR tracker_owns(action_id) OR tracker_can('{board_secretary}', tracker_action_board(action_id)));

CREATE POLICY tracker_delete ON status_update FOR DELETE USING (tracker_holds('{programme_manager}') OR tracker_owns(action_id) OR tracker_can('{board_secretary}', tracker_action_board(action_id)));

CREATE POLICY tracker_read ON update_review FOR SELECT USING (true);

CREATE POLICY tracker_insert ON update_review FOR INSERT WITH CHECK (tracker_can('{board_secretary}', board_id) OR tracker_holds('{programme_manager}') OR tracker_owns(tracker_update_action(update_id)));

CREATE POLICY tracker_update ON update_review FOR UPDATE USING (tracker_can('{board_secretary}', board_id) OR tracker_holds('{programme_manager}') OR tracker_owns(tracker_update_action(update_id))) WITH CHECK (tracker_can('{board_secretary}', board_id) OR tracker_holds('{programme_manager}') OR tracker_owns(tracker_update_action(update_id)));

CREATE POLICY tracker_delete ON update_review FOR DELETE USING (tracker_can('{board_secretary}', board_id) OR tracker_holds('{programme_manager}') OR tracker_owns(tracker_update_action(update_id)));

CREATE POLICY tracker_read ON meeting FOR SELECT USING (true);

CREATE POLICY tracker_insert ON meeting FOR INSERT WITH CHECK (tracker_can('{board_secretary,committee_officer}', board_id));

CREATE POLICY tracker_update ON meeting FOR UPDATE USING (tracker_can('{board_secretary,committee_officer}', board_id)) WITH CHECK (tracker_can('{board_secretary,committee_officer}', board_id));

CREATE POLICY tracker_delete ON meeting FOR DELETE USING (tracker_can('{board_secretary,committee_officer}', board_id));

CREATE POLICY tracker_read ON meeting_attendee FOR SELECT USING (true);

CREATE POLICY tracker_insert ON meeting_attendee FOR INSERT WITH CHECK (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id)));

CREATE POLICY tracker_update ON meeting_attendee FOR UPDATE USING (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id))) WITH CHECK (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id)));

CREATE POLICY tracker_delete ON meeting_attendee FOR DELETE USING (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id)));

CREATE POLICY tracker_read ON agenda_item FOR SELECT USING (exempt_paragraph IS NULL OR tracker_can('{programme_manager,board_secretary,board_member,committee_officer}', tracker_meeting_board(meeting_id)));

CREATE POLICY tracker_insert ON agenda_item FOR INSERT WITH CHECK (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id)));

CREATE POLICY tracker_update ON agenda_item FOR UPDATE USING (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id))) WITH CHECK (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id)));

CREATE POLICY tracker_delete ON agenda_item FOR DELETE USING (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id)));

CREATE POLICY tracker_read ON escalation FOR SELECT USING (true);

CREATE POLICY tracker_insert ON escalation FOR INSERT WITH CHECK (tracker_can('{board_secretary}', from_board_id) OR tracker_can('{board_secretary}', to_board_id));

CREATE POLICY tracker_update ON escalation FOR UPDATE USING (tracker_can('{board_secretary}', from_board_id) OR tracker_can('{board_secretary}', to_board_id)) WITH CHECK (tracker_can('{board_secretary}', from_board_id) OR tracker_can('{board_secretary}', to_board_id));

CREATE POLICY tracker_delete ON escalation FOR DELETE USING (tracker_can('{board_secretary}', from_board_id) OR tracker_can('{board_secretary}', to_board_id));

CREATE POLICY tracker_read ON issued_paper FOR SELECT USING (true);

CREATE POLICY tracker_insert ON issued_paper FOR INSERT WITH CHECK (tracker_can('{board_secretary}', board_id));

CREATE POLICY tracker_update ON issued_paper FOR UPDATE USING (tracker_can('{board_secretary}', board_id)) WITH CHECK (tracker_can('{board_secretary}', board_id));

CREATE POLICY tracker_delete ON issued_paper FOR DELETE USING (tracker_can('{board_secretary}', board_id));

CREATE POLICY tracker_read ON return_import FOR SELECT USING (true);

CREATE POLICY tracker_insert ON return_import FOR INSERT WITH CHECK (tracker_can('{board_secretary}', board_id));

CREATE POLICY tracker_update ON return_import FOR UPDATE USING (tracker_can('{board_secretary}', board_id)) WITH CHECK (tracker_can('{board_secretary}', board_id));

CREATE POLICY tracker_delete ON return_import FOR DELETE USING (tracker_can('{board_secretary}', board_id));

CREATE POLICY tracker_read ON chaser FOR SELECT USING (true);

CREATE POLICY tracker_insert ON chaser FOR INSERT WITH CHECK (tracker_can('{board_secretary}', board_id));

CREATE POLICY tracker_update ON chaser FOR UPDATE USING (tracker_can('{board_secretary}', board_id)) WITH CHECK (tracker_can('{board_secretary}', board_id));

CREATE POLICY tracker_delete ON chaser FOR DELETE USING (tracker_can('{board_secretary}', board_id));

CREATE POLICY tracker_read ON resolution FOR SELECT USING (exempt_paragraph IS NULL OR tracker_can('{programme_manager,board_secretary,board_member,committee_officer}', tracker_meeting_board(meeting_id)));

CREATE POLICY tracker_insert ON resolution FOR INSERT WITH CHECK (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id)));

CREATE POLICY tracker_update ON resolution FOR UPDATE USING (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id))) WITH CHECK (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id)));

CREATE POLICY tracker_delete ON resolution FOR DELETE USING (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id)));

CREATE POLICY tracker_read ON followup FOR SELECT USING (exempt_paragraph IS NULL OR tracker_can('{programme_manager,board_secretary,board_member,committee_officer}', tracker_meeting_board(meeting_id)));

CREATE POLICY tracker_insert ON followup FOR INSERT WITH CHECK (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id)));

CREATE POLICY tracker_update ON followup FOR UPDATE USING (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id))) WITH CHECK (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id)));

CREATE POLICY tracker_delete ON followup FOR DELETE USING (tracker_can('{board_secretary,committee_officer}', tracker_meeting_board(meeting_id)));

CREATE POLICY tracker_read ON followup_response FOR SELECT USING (true);

CREATE POLICY tracker_insert ON followup_response FOR INSERT WITH CHECK (tracker_can('{board_secretary,committee_officer}', tracker_followup_board(followup_id)));

CREATE POLICY tracker_update ON followup_response FOR UPDATE USING (tracker_can('{board_secretary,committee_officer}', tracker_followup_board(followup_id))) WITH CHECK (tracker_can('{board_secretary,committee_officer}', tracker_followup_board(followup_id)));

CREATE POLICY tracker_delete ON followup_response FOR DELETE USING (tracker_can('{board_secretary,committee_officer}', tracker_followup_board(followup_id)));

CREATE POLICY tracker_read ON saved_view FOR SELECT USING (true);

CREATE POLICY tracker_insert ON saved_view FOR INSERT WITH CHECK (tracker_holds('{programme_manager,board_secretary,board_member,action_owner,committee_officer}'));

CREATE POLICY tracker_update ON saved_view FOR UPDATE USING (tracker_holds('{programme_manager,board_secretary,board_member,action_owner,committee_officer}')) WITH CHECK (tracker_holds('{programme_manager,board_secretary,board_member,action_owner,committee_officer}'));

CREATE POLICY tracker_delete ON saved_view FOR DELETE USING (tracker_holds('{programme_manager,board_secretary,board_member,action_owner,committee_officer}'));

CREATE POLICY tracker_read ON account FOR SELECT USING (tracker_holds('{}') OR tracker_self(id));

CREATE POLICY tracker_insert ON account FOR INSERT WITH CHECK (tracker_holds('{}'));

CREATE POLICY tracker_update ON account FOR UPDATE USING (tracker_holds('{}')) WITH CHECK (tracker_holds('{}'));

CREATE POLICY tracker_delete ON account FOR DELETE USING (tracker_holds('{}'));

CREATE POLICY tracker_read ON account_role FOR SELECT USING (tracker_holds('{}') OR tracker_self(account_id));

CREATE POLICY tracker_insert ON account_role FOR INSERT WITH CHECK (tracker_holds('{}'));

CREATE POLICY tracker_update ON account_role FOR UPDATE USING (tracker_holds('{}')) WITH CHECK (tracker_holds('{}'));

CREATE POLICY tracker_delete ON account_role FOR DELETE USING (tracker_holds('{}'));

CREATE POLICY tracker_read ON pending_role FOR SELECT USING (tracker_holds('{}'));

CREATE POLICY tracker_insert ON pending_role FOR INSERT WITH CHECK (tracker_holds('{}'));

CREATE POLICY tracker_update ON pending_role FOR UPDATE USING (tracker_holds('{}')) WITH CHECK (tracker_holds('{}'));

CREATE POLICY tracker_delete ON pending_role FOR DELETE USING (tracker_holds('{}'));

CREATE POLICY tracker_read ON sign_in_ticket FOR SELECT USING (tracker_holds('{}') OR tracker_self(account_id));

CREATE POLICY tracker_insert ON sign_in_ticket FOR INSERT WITH CHECK (tracker_holds('{}') OR tracker_self(account_id));

CREATE POLICY tracker_update ON sign_in_ticket FOR UPDATE USING (tracker_holds('{}') OR tracker_self(account_id)) WITH CHECK (tracker_holds('{}') OR tracker_self(account_id));

CREATE POLICY tracker_delete ON sign_in_ticket FOR DELETE USING (tracker_holds('{}') OR tracker_self(account_id));

CREATE POLICY tracker_read ON web_session FOR SELECT USING (tracker_holds('{}') OR tracker_self(account_id));

CREATE POLICY tracker_insert ON web_session FOR INSERT WITH CHECK (tracker_holds('{}') OR tracker_self(account_id));

CREATE POLICY tracker_update ON web_session FOR UPDATE USING (tracker_holds('{}') OR tracker_self(account_id)) WITH CHECK (tracker_holds('{}') OR tracker_self(account_id));

CREATE POLICY tracker_delete ON web_session FOR DELETE USING (tracker_holds('{}') OR tracker_self(account_id));

CREATE POLICY tracker_update_self ON account FOR UPDATE USING (tracker_self(id)) WITH CHECK (tracker_self(id));

CREATE POLICY tracker_read ON audit_entry FOR SELECT USING (true);

CREATE POLICY tracker_insert ON audit_entry FOR INSERT WITH CHECK (true);

CREATE POLICY tracker_update ON audit_entry FOR UPDATE USING (tracker_holds('{}'));

CREATE POLICY tracker_delete ON audit_entry FOR DELETE USING (tracker_holds('{}'));

CREATE POLICY tracker_read ON sign_in_failure FOR SELECT USING (tracker_holds('{}'));

CREATE POLICY tracker_insert ON sign_in_failure FOR INSERT WITH CHECK (true);

CREATE POLICY tracker_update ON sign_in_failure FOR UPDATE USING (tracker_holds('{}'));

CREATE POLICY tracker_delete ON sign_in_failure FOR DELETE USING (tracker_holds('{}'));

UPDATE alembic_version SET version_num='0010_rowsecurity' WHERE alembic_version.version_num = '0009_websessions';

CREATE INDEX ix_status_update_trend ON status_update (action_id, recorded_at, progress);

UPDATE alembic_version SET version_num='0011_paperindexes' WHERE alembic_version.version_num = '0010_rowsecurity';

CREATE INDEX ix_action_exempt ON action (exempt_paragraph) WHERE exempt_paragraph IS NOT NULL;

UPDATE alembic_version SET version_num='0012_exemptindex' WHERE alembic_version.version_num = '0011_paperindexes';

ALTER TABLE indicator_reading ADD COLUMN version INTEGER DEFAULT '1' NOT NULL;

UPDATE alembic_version SET version_num='0013_readingversion' WHERE alembic_version.version_num = '0012_exemptindex';

CREATE INDEX ix_action_phase_counts ON action (phase_id, status, rag, progress);

DROP INDEX ix_action_phase_id;

UPDATE alembic_version SET version_num='0014_phasecounts' WHERE alembic_version.version_num = '0013_readingversion';

DROP INDEX ix_status_update_action_at;

UPDATE alembic_version SET version_num='0015_importfast' WHERE alembic_version.version_num = '0014_phasecounts';

ALTER TABLE followup ADD COLUMN source VARCHAR(20) DEFAULT 'unrecorded' NOT NULL;

ALTER TABLE followup ADD CONSTRAINT ck_followup_source_known CHECK (source IN ('resolution', 'minuted', 'review', 'hand', 'escalation', 'unrecorded'));

UPDATE followup SET source = 'resolution' WHERE source = 'unrecorded' AND resolution_id IS NOT NULL;

UPDATE followup SET source = 'escalation' WHERE source = 'unrecorded' AND escalation_id IS NOT NULL;

UPDATE followup SET source = 'hand' WHERE source = 'unrecorded' AND EXISTS (SELECT 1 FROM audit_entry a WHERE a.entity = 'followup' AND a.entity_key = CAST(followup.id AS VARCHAR(20)) AND a.operation = 'import' AND a.field = 'from' AND a.new = 'added in review');

UPDATE followup SET source = 'review' WHERE source = 'unrecorded' AND EXISTS (SELECT 1 FROM audit_entry a WHERE a.entity = 'followup' AND a.entity_key = CAST(followup.id AS VARCHAR(20)) AND a.operation = 'import' AND a.field = 'from' AND a.new LIKE '%%taken in review');

UPDATE followup SET source = 'minuted' WHERE source = 'unrecorded' AND EXISTS (SELECT 1 FROM audit_entry a WHERE a.entity = 'followup' AND a.entity_key = CAST(followup.id AS VARCHAR(20)) AND a.operation = 'import' AND a.field = 'from' AND a.new LIKE 'minutes%%');

UPDATE followup SET source = 'minuted' WHERE source = 'unrecorded' AND EXISTS (SELECT 1 FROM audit_entry a WHERE a.entity = 'followup' AND a.entity_key = CAST(followup.id AS VARCHAR(20)) AND a.operation = 'import') AND NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a.entity = 'followup' AND a.entity_key = CAST(followup.id AS VARCHAR(20)) AND a.operation = 'import' AND a.field = 'from');

UPDATE followup SET source = 'hand' WHERE source = 'unrecorded' AND EXISTS (SELECT 1 FROM audit_entry a WHERE a.entity = 'followup' AND a.entity_key = CAST(followup.id AS VARCHAR(20)) AND a.operation = 'create');

UPDATE alembic_version SET version_num='0016_followupsource' WHERE alembic_version.version_num = '0015_importfast';


-- schema.sql — the jianyi database, version 1, and the migrations after it.
-- Embedded at build time and applied as migration 1 by src/store/db.c, which also
-- sets PRAGMA application_id and user_version. Dates are ISO YYYY-MM-DD text.
-- The closed vocabularies are checked with OR rather than IN: SQLite builds
-- a temporary table for an IN list of more than two values on every row
-- written, which is most of the cost of an import. The indexes on a
-- suggestion's history (deadline, contact, reply, rating, event) carry the
-- columns that a report reads of it, ordered by date: a report reads them
-- without touching the tables.

CREATE TABLE config (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO config(key, value) VALUES
	('town', ''),
	('due_months', '3'),
	('rehandle_months', '1');

CREATE TABLE station (
	id      INTEGER PRIMARY KEY,
	name    TEXT NOT NULL UNIQUE CHECK (name <> ''),
	village TEXT,
	retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

CREATE TABLE department (
	id      INTEGER PRIMARY KEY,
	name    TEXT NOT NULL UNIQUE CHECK (name <> ''),
	retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

CREATE TABLE deputy (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE CHECK (name <> ''),
	level      TEXT NOT NULL DEFAULT 'town'
	           CHECK (level = 'town' OR level = 'district' OR
	                  level = 'city'),
	station_id INTEGER REFERENCES station(id),
	phone      TEXT,
	retired    INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

CREATE TABLE reception (
	id         INTEGER PRIMARY KEY,
	held_on    TEXT NOT NULL,
	station_id INTEGER NOT NULL REFERENCES station(id),
	visitors   INTEGER NOT NULL CHECK (visitors >= 0),
	note       TEXT
);
CREATE INDEX reception_held_on ON reception(held_on);

-- pos keeps the deputies in the order they were given.
CREATE TABLE reception_deputy (
	reception_id INTEGER NOT NULL REFERENCES reception(id),
	deputy_id    INTEGER NOT NULL REFERENCES deputy(id),
	pos          INTEGER NOT NULL,
	PRIMARY KEY (reception_id, deputy_id)
) WITHOUT ROWID;

CREATE TABLE activity (
	id           INTEGER PRIMARY KEY,
	held_on      TEXT NOT NULL,
	kind         TEXT NOT NULL CHECK (kind = 'group' OR
	             kind = 'inspection' OR kind = 'survey' OR
	             kind = 'training' OR kind = 'session'),
	title        TEXT NOT NULL CHECK (title <> ''),
	participants INTEGER CHECK (participants >= 0)
);
CREATE INDEX activity_held_on ON activity(held_on);

-- One row a suggestion; status is the lifecycle state, due_on the deadline in
-- force. Overdue is derived, never stored.
CREATE TABLE suggestion (
	id             INTEGER PRIMARY KEY,
	number         TEXT NOT NULL UNIQUE,
	year           INTEGER NOT NULL,
	seq            INTEGER,
	title          TEXT NOT NULL CHECK (title <> ''),
	content        TEXT,
	station_id     INTEGER REFERENCES station(id),
	source         TEXT NOT NULL DEFAULT 'other' CHECK (
	               source = 'reception' OR source = 'session' OR
	               source = 'group' OR source = 'online' OR
	               source = 'other'),
	category       TEXT,
	received_on    TEXT NOT NULL,
	submitter      TEXT,
	phone          TEXT,
	lead_deputy_id INTEGER REFERENCES deputy(id),
	status         TEXT NOT NULL DEFAULT 'registered' CHECK (
	               status = 'registered' OR status = 'assigned' OR
	               status = 'replied' OR status = 'rehandling' OR
	               status = 'closed' OR status = 'withdrawn'),
	assigned_on    TEXT,
	due_on         TEXT,
	handler        TEXT,
	UNIQUE (year, seq)
);
CREATE INDEX suggestion_received_on ON suggestion(received_on);
CREATE INDEX suggestion_open_due ON suggestion(status, due_on);

CREATE TABLE cosigner (
	suggestion_id INTEGER NOT NULL REFERENCES suggestion(id),
	deputy_id     INTEGER NOT NULL REFERENCES deputy(id),
	pos           INTEGER NOT NULL,
	PRIMARY KEY (suggestion_id, deputy_id)
) WITHOUT ROWID;

-- The departments a suggestion is routed to. A return ends an assignment
-- (ended_on) rather than deleting it.
CREATE TABLE assignment (
	id            INTEGER PRIMARY KEY,
	suggestion_id INTEGER NOT NULL REFERENCES suggestion(id),
	department_id INTEGER NOT NULL REFERENCES department(id),
	role          TEXT NOT NULL CHECK (role IN ('lead', 'co')),
	assigned_on   TEXT NOT NULL,
	ended_on      TEXT
);
-- (suggestion_id, department_id): the planner, which has no statistics,
-- would otherwise look up a suggestion's department through
-- assignment_department and read every assignment of the department. The
-- other columns are there for the lifecycle and the report to read
-- without touching the table.
CREATE INDEX assignment_suggestion ON assignment(suggestion_id,
	department_id, role, assigned_on, ended_on);
CREATE INDEX assignment_department ON assignment(department_id);

-- Every deadline ever set, so that the deadline in force on any date is known.
CREATE TABLE deadline (
	id            INTEGER PRIMARY KEY,
	suggestion_id INTEGER NOT NULL REFERENCES suggestion(id),
	set_on        TEXT NOT NULL,
	due_on        TEXT NOT NULL,
	reason        TEXT NOT NULL CHECK (reason = 'assign' OR
	              reason = 'extend' OR reason = 'rehandling')
);
CREATE INDEX deadline_suggestion ON deadline(suggestion_id, set_on, due_on);

CREATE TABLE contact (
	id            INTEGER PRIMARY KEY,
	suggestion_id INTEGER NOT NULL REFERENCES suggestion(id),
	department_id INTEGER NOT NULL REFERENCES department(id),
	contacted_on  TEXT NOT NULL,
	method        TEXT CHECK (method = 'visit' OR method = 'meeting' OR
	              method = 'phone'),
	note          TEXT
);
CREATE INDEX contact_suggestion ON contact(suggestion_id, contacted_on);

CREATE TABLE reply (
	id            INTEGER PRIMARY KEY,
	suggestion_id INTEGER NOT NULL REFERENCES suggestion(id),
	department_id INTEGER NOT NULL REFERENCES department(id),
	replied_on    TEXT NOT NULL,
	class         TEXT NOT NULL CHECK (class = 'A' OR class = 'B' OR
	              class = 'C' OR class = 'D'),
	text          TEXT
);
CREATE INDEX reply_suggestion ON reply(suggestion_id, replied_on, class);

CREATE TABLE rating (
	id            INTEGER PRIMARY KEY,
	suggestion_id INTEGER NOT NULL REFERENCES suggestion(id),
	rated_on      TEXT NOT NULL,
	rating        TEXT NOT NULL CHECK (rating = 'satisfied' OR
	              rating = 'basic' OR rating = 'unsatisfied'),
	note          TEXT
);
CREATE INDEX rating_suggestion ON rating(suggestion_id, rated_on, rating);

-- The history: one row a change. on_date is the business date the change
-- took effect (--date); recorded_at the clock time it was entered; status
-- the suggestion's state after the change, so that the state on any past
-- date can be read back for reports.
CREATE TABLE event (
	id            INTEGER PRIMARY KEY,
	suggestion_id INTEGER REFERENCES suggestion(id),
	on_date       TEXT NOT NULL,
	status        TEXT,
	recorded_at   TEXT NOT NULL,
	actor         TEXT NOT NULL,
	action        TEXT NOT NULL,
	detail        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX event_suggestion ON event(suggestion_id, on_date, status);

-- migration 2: the ledger's 备注 (remarks) column, kept as the suggestion's
-- note (import, export, show). Append migrations below, never edit them:
-- each begins with a line "-- migration N:" and becomes schema_sql_N.
ALTER TABLE suggestion ADD COLUMN note TEXT;

-- migration 3: each event's detail is a JSON object of keys and values
-- (src/base/detail.c), rendered in the reader's language. The text that earlier
-- versions wrote is read back by src/store/db.c right after this, in the same
-- transaction; an empty one becomes {}.
UPDATE event SET detail = '{}' WHERE detail = '';

-- migration 4: the working-day calendar (issue 14): the days that the State
-- Council's notices set apart from Monday to Friday, a holiday or a weekend
-- day worked (调休上班). src/store/db.c loads the notices of 2022 to 2026
-- (data/calendar-cn.csv) right after this; calendar import adds others.
CREATE TABLE calendar (
	day  TEXT PRIMARY KEY
	     CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	kind TEXT NOT NULL CHECK (kind = 'holiday' OR kind = 'workday')
) WITHOUT ROWID;

-- migration 5: the deadlines by statute (issue 14): a complex matter's
-- months (代表法 Art. 51), and one extension of at most 3 months, never
-- more than 6 after routing (上海市代表建议规定 Art. 19).
INSERT OR IGNORE INTO config(key, value) VALUES
	('complex_due_months', '6'),
	('max_extensions', '1'),
	('max_extend_months', '3'),
	('max_due_months', '6');

-- migration 6: key supervision (重点督办, 代表法 Art. 52): the leader who
-- picked a suggestion for it, and since when.
CREATE TABLE supervision (
	suggestion_id INTEGER PRIMARY KEY REFERENCES suggestion(id),
	leader        TEXT NOT NULL,
	since         TEXT NOT NULL
);

-- migration 7: how alike two titles must be, in percent of their shared
-- character bigrams, for add and similar to list them (issue 14).
INSERT OR IGNORE INTO config(key, value) VALUES ('similar_percent', '50');

-- migration 8: intake and routing by the law (issue 14). A suggestion may
-- be not accepted (不予立案, 上海市代表建议规定 Art. 8), which its status's
-- CHECK must allow: SQLite cannot change a CHECK, so the table is built
-- anew and copied, as its documentation's twelve steps do (src/store/db.c
-- turns foreign keys off around this migration and checks them after).
-- merged_into is the suggestion it was merged into (并案), recurring a
-- title like an earlier year's (多年重复). Each department signs for its
-- assignment (签收, signed_on); a co-handler sends the lead its opinion
-- (会办意见, Art. 17). The limits in working days are Art. 11 and 14 and
-- 深圳's practice of signing within 7 days; co_due_months is Art. 17's.
CREATE TABLE suggestion_new (
	id             INTEGER PRIMARY KEY,
	number         TEXT NOT NULL UNIQUE,
	year           INTEGER NOT NULL,
	seq            INTEGER,
	title          TEXT NOT NULL CHECK (title <> ''),
	content        TEXT,
	station_id     INTEGER REFERENCES station(id),
	source         TEXT NOT NULL DEFAULT 'other' CHECK (
	               source = 'reception' OR source = 'session' OR
	               source = 'group' OR source = 'online' OR
	               source = 'other'),
	category       TEXT,
	received_on    TEXT NOT NULL,
	submitter      TEXT,
	phone          TEXT,
	lead_deputy_id INTEGER REFERENCES deputy(id),
	status         TEXT NOT NULL DEFAULT 'registered' CHECK (
	               status = 'registered' OR status = 'assigned' OR
	               status = 'replied' OR status = 'rehandling' OR
	               status = 'closed' OR status = 'withdrawn' OR
	               status = 'not_accepted'),
	assigned_on    TEXT,
	due_on         TEXT,
	handler        TEXT,
	note           TEXT,
	merged_into    INTEGER REFERENCES suggestion(id),
	recurring      INTEGER NOT NULL DEFAULT 0 CHECK (recurring IN (0, 1)),
	UNIQUE (year, seq)
);
INSERT INTO suggestion_new(id, number, year, seq, title, content,
	station_id, source, category, received_on, submitter, phone,
	lead_deputy_id, status, assigned_on, due_on, handler, note)
	SELECT id, number, year, seq, title, content, station_id, source,
	category, received_on, submitter, phone, lead_deputy_id, status,
	assigned_on, due_on, handler, note FROM suggestion;
DROP TABLE suggestion;
ALTER TABLE suggestion_new RENAME TO suggestion;
CREATE INDEX suggestion_received_on ON suggestion(received_on);
CREATE INDEX suggestion_open_due ON suggestion(status, due_on);
CREATE INDEX suggestion_merged_into ON suggestion(merged_into)
	WHERE merged_into IS NOT NULL;

ALTER TABLE assignment ADD COLUMN signed_on TEXT;
-- A report reads each department's signing and replies from the indexes.
DROP INDEX assignment_suggestion;
CREATE INDEX assignment_suggestion ON assignment(suggestion_id,
	department_id, role, assigned_on, ended_on, signed_on);
DROP INDEX reply_suggestion;
CREATE INDEX reply_suggestion ON reply(suggestion_id, replied_on, class,
	department_id);

CREATE TABLE opinion (
	id            INTEGER PRIMARY KEY,
	suggestion_id INTEGER NOT NULL REFERENCES suggestion(id),
	department_id INTEGER NOT NULL REFERENCES department(id),
	sent_on       TEXT NOT NULL,
	text          TEXT NOT NULL CHECK (text <> '')
);
CREATE INDEX opinion_suggestion ON opinion(suggestion_id, department_id,
	sent_on);

INSERT OR IGNORE INTO config(key, value) VALUES
	('route_workdays', '7'),
	('sign_workdays', '7'),
	('return_workdays', '7'),
	('co_due_months', '1');

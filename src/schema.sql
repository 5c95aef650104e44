-- schema.sql — the jianyi database, version 1.
-- Embedded at build time and applied as migration 1 by src/db.c, which also
-- sets PRAGMA application_id and user_version. Dates are ISO YYYY-MM-DD text.

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
	           CHECK (level IN ('town', 'district', 'city')),
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
	kind         TEXT NOT NULL CHECK (kind IN
	             ('group', 'inspection', 'survey', 'training', 'session')),
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
	source         TEXT NOT NULL DEFAULT 'other' CHECK (source IN
	               ('reception', 'session', 'group', 'online', 'other')),
	category       TEXT,
	received_on    TEXT NOT NULL,
	submitter      TEXT,
	phone          TEXT,
	lead_deputy_id INTEGER REFERENCES deputy(id),
	status         TEXT NOT NULL DEFAULT 'registered' CHECK (status IN
	               ('registered', 'assigned', 'replied', 'rehandling',
	                'closed', 'withdrawn')),
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
CREATE INDEX assignment_suggestion ON assignment(suggestion_id);
CREATE INDEX assignment_department ON assignment(department_id);

-- Every deadline ever set, so that the deadline in force on any date is known.
CREATE TABLE deadline (
	id            INTEGER PRIMARY KEY,
	suggestion_id INTEGER NOT NULL REFERENCES suggestion(id),
	set_on        TEXT NOT NULL,
	due_on        TEXT NOT NULL,
	reason        TEXT NOT NULL CHECK (reason IN
	              ('assign', 'extend', 'rehandling'))
);
CREATE INDEX deadline_suggestion ON deadline(suggestion_id);

CREATE TABLE contact (
	id            INTEGER PRIMARY KEY,
	suggestion_id INTEGER NOT NULL REFERENCES suggestion(id),
	department_id INTEGER NOT NULL REFERENCES department(id),
	contacted_on  TEXT NOT NULL,
	method        TEXT CHECK (method IN ('visit', 'meeting', 'phone')),
	note          TEXT
);
CREATE INDEX contact_suggestion ON contact(suggestion_id);

CREATE TABLE reply (
	id            INTEGER PRIMARY KEY,
	suggestion_id INTEGER NOT NULL REFERENCES suggestion(id),
	department_id INTEGER NOT NULL REFERENCES department(id),
	replied_on    TEXT NOT NULL,
	class         TEXT NOT NULL CHECK (class IN ('A', 'B', 'C', 'D')),
	text          TEXT
);
CREATE INDEX reply_suggestion ON reply(suggestion_id);

CREATE TABLE rating (
	id            INTEGER PRIMARY KEY,
	suggestion_id INTEGER NOT NULL REFERENCES suggestion(id),
	rated_on      TEXT NOT NULL,
	rating        TEXT NOT NULL CHECK (rating IN
	              ('satisfied', 'basic', 'unsatisfied')),
	note          TEXT
);
CREATE INDEX rating_suggestion ON rating(suggestion_id);

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
CREATE INDEX event_suggestion ON event(suggestion_id, on_date);

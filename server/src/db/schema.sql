-- The embedded server's database. One org; ids are UUIDs as text.
-- Written by server/src/db/open.ts on a new database (PRAGMA user_version = 6). An older database is
-- upgraded by running the parts after its version's "@schema version" marker below, in order.

CREATE TABLE divisions (
  id   TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE users (
  id                TEXT PRIMARY KEY,
  name              TEXT NOT NULL,
  sort_name         TEXT NOT NULL,            -- lower(name), the members/users sort key
  email             TEXT NOT NULL UNIQUE COLLATE NOCASE,
  username          TEXT NOT NULL,
  title             TEXT,
  department        TEXT,
  division_id       TEXT NOT NULL REFERENCES divisions(id),
  manager_id        TEXT REFERENCES users(id),
  state             TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active','inactive','deleted')),
  version           INTEGER NOT NULL DEFAULT 1,
  password_hash     TEXT,                     -- scrypt "salt:hash"; only personas can sign in
  date_last_login   TEXT,
  date_welcome_sent TEXT,
  addresses_json    TEXT NOT NULL DEFAULT '[]', -- Contact[]: the user's phone numbers
  -- Values for the expand options (presence, routingStatus, station, outOfOffice, conversationSummary,
  -- geolocation, locations, certifications, team, biography, employerInfo, profileSkills, languagePreference ...)
  expand_json       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX users_sort ON users (sort_name, id);
CREATE INDEX users_manager ON users (manager_id);

-- Routing and language skills, in tables so dynamic group rules can be evaluated in SQL.
CREATE TABLE user_skills (
  user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('routing','language')),
  skill_id    TEXT NOT NULL,
  skill_name  TEXT NOT NULL,
  proficiency INTEGER NOT NULL CHECK (proficiency BETWEEN 0 AND 5),
  PRIMARY KEY (user_id, kind, skill_name)
);
CREATE INDEX user_skills_by_skill ON user_skills (kind, skill_name, proficiency);

CREATE TABLE roles (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT
);
CREATE TABLE role_permissions (
  role_id    TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
  permission TEXT NOT NULL,
  PRIMARY KEY (role_id, permission)
);
CREATE TABLE user_roles (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role_id TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, role_id)
);

CREATE TABLE groups (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  sort_name      TEXT NOT NULL,               -- lower(name)
  description    TEXT,
  type           TEXT NOT NULL CHECK (type IN ('official','social')),
  visibility     TEXT NOT NULL CHECK (visibility IN ('public','owners','members')),
  state          TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active','inactive','deleted')),
  rules_visible  INTEGER NOT NULL DEFAULT 1,
  roles_enabled  INTEGER NOT NULL DEFAULT 0,
  include_owners INTEGER NOT NULL DEFAULT 0,
  calls_enabled  INTEGER NOT NULL DEFAULT 0,
  email          TEXT,
  addresses_json TEXT NOT NULL DEFAULT '[]',   -- GroupContact[]
  images_json    TEXT NOT NULL DEFAULT '[]',   -- Image[]
  version        INTEGER NOT NULL DEFAULT 1,
  date_modified  TEXT NOT NULL,
  member_count   INTEGER NOT NULL DEFAULT 0    -- kept equal to COUNT(*) of group_members
);
CREATE INDEX groups_sort ON groups (sort_name, id);
CREATE INDEX groups_modified ON groups (date_modified);
CREATE INDEX groups_member_count ON groups (member_count);

CREATE TABLE group_owners (
  group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  user_id  TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_owners_by_user ON group_owners (user_id);

-- Users added directly ("individuals").
CREATE TABLE group_individuals (
  group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  user_id  TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_individuals_by_user ON group_individuals (user_id);

-- Dynamic settings (skill conditions) of a group.
CREATE TABLE group_dynamic_settings (
  group_id      TEXT PRIMARY KEY REFERENCES groups(id) ON DELETE CASCADE,
  query_json    TEXT NOT NULL,                 -- DynamicGroupQuery
  date_modified TEXT NOT NULL
);

-- The materialised member list: individuals, plus owners when include_owners, plus users matched by
-- dynamic settings. One row per member with why they are in; written only by domain/membership/upkeep.ts
-- (seeds and API writes alike). Paging members is an index range scan on (group_id, sort_name, user_id).
CREATE TABLE group_members (
  group_id      TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  sort_name     TEXT NOT NULL,
  is_individual INTEGER NOT NULL DEFAULT 0,
  is_owner      INTEGER NOT NULL DEFAULT 0,
  is_rule       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_page ON group_members (group_id, sort_name, user_id);
CREATE INDEX group_members_by_user ON group_members (user_id);

-- @schema version 2
-- Trigram index for substring (CONTAINS) search on group names and descriptions. It holds the texts
-- folded as search folds them (NFC, lower case: `sort_name` and `search_fold(description)`), so a
-- substring of the folded text is always a match of the index; the search still checks the exact
-- condition on the rows the index returns. Keyed by the groups rowid; kept current by the triggers,
-- which need `search_fold` (registered by open.ts on every connection it opens).
CREATE VIRTUAL TABLE groups_fts USING fts5(name, description, tokenize = 'trigram case_sensitive 0');
CREATE TRIGGER groups_fts_insert AFTER INSERT ON groups BEGIN
  INSERT INTO groups_fts (rowid, name, description) VALUES (new.rowid, new.sort_name, search_fold(new.description));
END;
CREATE TRIGGER groups_fts_delete AFTER DELETE ON groups BEGIN
  DELETE FROM groups_fts WHERE rowid = old.rowid;
END;
CREATE TRIGGER groups_fts_update AFTER UPDATE OF sort_name, description ON groups BEGIN
  UPDATE groups_fts SET name = new.sort_name, description = search_fold(new.description) WHERE rowid = old.rowid;
END;

-- @schema version 3
-- Users by state in name order: counts the users of a state (the users listing's total) from the index
-- alone, without reading every user's row, and pages them in name order.
CREATE INDEX users_by_state ON users (state, sort_name, id);

-- @schema version 4
-- A user as an owner reference (id, name, version, in name order) from the index alone: a page of
-- groups reads its owners without reading each owner's full row (the row holds the expand data).
CREATE INDEX users_ref ON users (id, sort_name, name, version);

-- @schema version 5
-- The change history: one row per audit record (an Audit API AuditLogMessage), written only by
-- domain/audit/record.ts in the same transaction as the change it records. The columns are what queries
-- filter and sort on; everything else of the record is in body_json (the AuditLogMessage without id,
-- eventDate, serviceName, entityType, action, entity.id, user.id and client.id). seq orders records of
-- the same millisecond in the order they were written.
CREATE TABLE audits (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  event_time  INTEGER NOT NULL,                -- eventDate as epoch milliseconds
  service     TEXT NOT NULL,                   -- serviceName ('Directory')
  entity_type TEXT NOT NULL,                   -- entityType ('Group')
  entity_id   TEXT NOT NULL,                   -- entity.id
  user_id     TEXT,                            -- user.id; null when an OAuth client acted on its own
  client_id   TEXT,                            -- client.id
  action      TEXT NOT NULL,                   -- action ('Create', 'Update', 'Delete', 'MemberAdd', ...)
  body_json   TEXT NOT NULL
);
-- One entity over an interval, newest first (a group's History tab).
CREATE INDEX audits_by_entity ON audits (entity_id, event_time, seq);
-- One user's changes over an interval.
CREATE INDEX audits_by_user ON audits (user_id, event_time, seq);
-- A service over an interval, optionally by entity type and action (Recently deleted: Group + Delete).
CREATE INDEX audits_by_service ON audits (service, entity_type, action, event_time, seq);
CREATE INDEX audits_by_time ON audits (event_time, seq);
-- Asynchronous audit query executions (POST /api/v2/audits/query): the checked request and the last
-- record (seq) that existed when it was made, so its results are a fixed set however long they are
-- read. Kept for a day.
CREATE TABLE audit_queries (
  id           TEXT PRIMARY KEY,
  created      INTEGER NOT NULL,               -- epoch milliseconds
  request_json TEXT NOT NULL,                  -- AuditQueryRequest as received
  max_seq      INTEGER NOT NULL
);
CREATE INDEX audit_queries_created ON audit_queries (created);

-- @schema version 6
-- Authorization: a role is granted to a subject (a user, or a group whose members inherit it while the
-- group has roles_enabled) over one division, or over every division ('*', current and future). A
-- user's direct roles are grants too: user_roles, the table that held them before, becomes a view of
-- the user grants (a role once, whatever its divisions), and inserting into it grants the role over the
-- home division. Exactly one division is the home division.
ALTER TABLE divisions ADD COLUMN home INTEGER NOT NULL DEFAULT 0;
UPDATE divisions SET home = 1 WHERE id = COALESCE(
  (SELECT id FROM divisions WHERE name = 'Home' ORDER BY rowid LIMIT 1),
  (SELECT id FROM divisions ORDER BY rowid LIMIT 1));
CREATE UNIQUE INDEX divisions_home ON divisions (home) WHERE home = 1;
CREATE TABLE authz_grants (
  subject_id   TEXT NOT NULL,                   -- users.id or groups.id
  subject_type TEXT NOT NULL CHECK (subject_type IN ('PC_USER','PC_GROUP')),
  role_id      TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
  division_id  TEXT NOT NULL,                   -- divisions.id, or '*' for every division
  granted_at   TEXT NOT NULL,                   -- ISO-8601, the AuthzGrant's grantMadeAt
  PRIMARY KEY (subject_id, role_id, division_id)
) WITHOUT ROWID;
-- A role's subjects (GET /authorization/roles/{id}/subjectgrants).
CREATE INDEX authz_grants_by_role ON authz_grants (role_id, subject_type, subject_id);
INSERT INTO authz_grants (subject_id, subject_type, role_id, division_id, granted_at)
  SELECT ur.user_id, 'PC_USER', ur.role_id, d.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM user_roles ur JOIN divisions d ON d.home = 1;
DROP TABLE user_roles;
CREATE VIEW user_roles (user_id, role_id) AS
  SELECT DISTINCT subject_id, role_id FROM authz_grants WHERE subject_type = 'PC_USER';
CREATE TRIGGER user_roles_insert INSTEAD OF INSERT ON user_roles BEGIN
  INSERT OR IGNORE INTO authz_grants (subject_id, subject_type, role_id, division_id, granted_at)
    SELECT new.user_id, 'PC_USER', new.role_id, id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM divisions WHERE home = 1;
END;
-- A subject's grants go with it.
CREATE TRIGGER authz_grants_group_gone AFTER DELETE ON groups BEGIN
  DELETE FROM authz_grants WHERE subject_id = old.id;
END;
CREATE TRIGGER authz_grants_user_gone AFTER DELETE ON users BEGIN
  DELETE FROM authz_grants WHERE subject_id = old.id;
END;

/**
 * Privileged role requests waiting for a second administrator (issue #23): kept in the database, so a restart does
 * not drop one half-way through the four-eyes step. Names and roles only; expired rows are removed when listed.
 */
export default {
  version: 11,
  name: 'role-grants',
  sql: `
    CREATE TABLE role_grants (
      grant_id        TEXT PRIMARY KEY,
      user_id         TEXT NOT NULL,
      username        TEXT NOT NULL,
      role            TEXT NOT NULL,
      from_role       TEXT NOT NULL,
      requested_by    TEXT NOT NULL,
      requested_by_id TEXT NOT NULL,
      requested_at    INTEGER NOT NULL,
      expires_at      INTEGER NOT NULL,
      enable          INTEGER NOT NULL CHECK (enable IN (0, 1))
    ) STRICT;
    CREATE INDEX role_grants_user ON role_grants(user_id);
  `,
};

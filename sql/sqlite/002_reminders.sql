-- Durable reminders; the same columns and rules as sql/postgresql/002_reminders.sql, which documents them
-- (grainhash is the uniform hash with its sign bit flipped, so signed comparisons follow ring order).
-- starttime is ISO-8601 UTC text at millisecond precision; period is milliseconds.
CREATE TABLE IF NOT EXISTS recsys_reminders
(
    serviceid    TEXT    NOT NULL,
    grainid      TEXT    NOT NULL,
    remindername TEXT    NOT NULL,
    starttime    TEXT    NOT NULL,
    period       INTEGER NOT NULL,
    grainhash    INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE INDEX IF NOT EXISTS ix_recsys_reminders_range ON recsys_reminders (serviceid, grainhash);

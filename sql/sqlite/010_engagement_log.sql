-- The engagement event log; the same columns and rules as sql/postgresql/010_engagement_log.sql, which documents
-- them. SQLite has one writer at a time, so AUTOINCREMENT sequences commit in order without an extra lock.
CREATE TABLE IF NOT EXISTS recsys_engagement_log
(
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    service_id     TEXT    NOT NULL,
    event_id       TEXT    NOT NULL,
    user_id        INTEGER NOT NULL,
    action         TEXT    NOT NULL,
    post_id        INTEGER NULL,
    target_user_id INTEGER NULL,
    subject_id     INTEGER NULL,
    event_ticks    INTEGER NOT NULL,
    value          REAL    NULL,
    accepted_ticks INTEGER NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_recsys_engagement_log_event ON recsys_engagement_log (service_id, event_id);
CREATE INDEX IF NOT EXISTS ix_recsys_engagement_log_user ON recsys_engagement_log (service_id, user_id, seq);
CREATE INDEX IF NOT EXISTS ix_recsys_engagement_log_subject ON recsys_engagement_log (service_id, subject_id, seq) WHERE subject_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_recsys_engagement_log_post ON recsys_engagement_log (service_id, post_id, seq) WHERE post_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_recsys_engagement_log_accepted ON recsys_engagement_log (service_id, accepted_ticks);

-- The served-item log; the same columns and rules as sql/postgresql/020_served_log.sql, which documents them.
CREATE TABLE IF NOT EXISTS recsys_served_log
(
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    service_id     TEXT    NOT NULL,
    viewer_id      INTEGER NOT NULL,
    post_id        INTEGER NOT NULL,
    author_id      INTEGER NOT NULL,
    served_ticks   INTEGER NOT NULL,
    position       INTEGER NOT NULL,
    source         TEXT    NOT NULL,
    in_network     INTEGER NOT NULL,
    heavy_version  TEXT    NOT NULL,
    light_version  TEXT    NOT NULL,
    features       BLOB    NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_recsys_served_log_served ON recsys_served_log (service_id, served_ticks, id);

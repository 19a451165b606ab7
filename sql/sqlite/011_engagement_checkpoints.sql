-- Grain checkpoints over the engagement log; the same columns and rules as
-- sql/postgresql/011_engagement_checkpoints.sql, which documents them.
CREATE TABLE IF NOT EXISTS recsys_engagement_checkpoints
(
    service_id      TEXT    NOT NULL,
    stream          TEXT    NOT NULL,
    grain_key       INTEGER NOT NULL,
    applied_through INTEGER NOT NULL,
    PRIMARY KEY (service_id, stream, grain_key)
);

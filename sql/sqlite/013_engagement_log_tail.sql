-- Issue 6: a grain's replay reads come from the silo's in-memory tails (Grains/Ingestion/Log/GrainLogTails.cs), so
-- the three indexes keyed by grain (actor, subject, post) go. Their keys are random, so every append commit rewrote
-- most of their pages (bench/RESULTS.md, "Ingestion, sixth pass"). Training reads users' histories along
-- the primary key instead (IEngagementLog.ReadAllAsync).
-- replay_from: every event at or below it is covered by the recorded checkpoints of all its grains, so the tails are
-- rebuilt from the rows after it (SqliteEngagementLog).
DROP INDEX IF EXISTS ix_recsys_engagement_log_user;
DROP INDEX IF EXISTS ix_recsys_engagement_log_subject;
DROP INDEX IF EXISTS ix_recsys_engagement_log_post;

CREATE TABLE IF NOT EXISTS recsys_engagement_log_tail
(
    service_id  TEXT    NOT NULL PRIMARY KEY,
    replay_from INTEGER NOT NULL
);

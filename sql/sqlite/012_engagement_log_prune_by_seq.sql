-- Issue 6: pruning finds old rows by a seq bound (seq is assigned in acceptance order under the write lock), so the
-- index on (service_id, accepted_ticks), which existed only for pruning, is dropped: every append paid for it.
-- sql/postgresql/012_engagement_log_prune_by_seq.sql does the same.
DROP INDEX IF EXISTS ix_recsys_engagement_log_accepted;

-- Issue 6: pruning (Grains/Ingestion/Log/EngagementLogPruning.cs) finds old rows by a seq bound: appends hold an
-- advisory lock, so seq follows acceptance order; it reads the first row still inside the retention along the
-- primary key and deletes below it. The index on (service_id, accepted_ticks) existed only for pruning and every
-- append paid for it, so it is dropped.
DROP INDEX IF EXISTS ix_recsys_engagement_log_accepted;

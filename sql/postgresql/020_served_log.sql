-- The served-item log (issue 10): every item of every served For You page with the heavy ranker's feature vector as
-- it was computed for that ranking, so the training job learns from what the model was shown, not from features
-- recomputed later. Written off the request path in batches (a crash loses at most the last unflushed second).
--   id             order of writing; readers page by it.
--   served_ticks   UTC serving time as .NET ticks; training reads a time range, the prune job deletes by it.
--   position       0-based rank of the item in the viewer's ranked list (pages of one session continue it).
--   heavy_version / light_version   the model versions that ranked the item ("default-v0", "trained-...").
--   features       the heavy ranker's features (HeavyRankerFeatures order) as little-endian float64, 8 bytes each.
CREATE TABLE IF NOT EXISTS recsys_served_log
(
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id     varchar(150) NOT NULL,
    viewer_id      bigint       NOT NULL,
    post_id        bigint       NOT NULL,
    author_id      bigint       NOT NULL,
    served_ticks   bigint       NOT NULL,
    position       integer      NOT NULL,
    source         varchar(64)  NOT NULL,
    in_network     boolean      NOT NULL,
    heavy_version  varchar(64)  NOT NULL,
    light_version  varchar(64)  NOT NULL,
    features       bytea        NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_recsys_served_log_served ON recsys_served_log (service_id, served_ticks, id);

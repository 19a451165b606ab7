-- How far each grain's own checkpoint covers the engagement log (a lagging copy of the sequence it keeps in its
-- state, written after the state). Log pruning deletes an old row only when every grain it touches has a
-- checkpoint at or past it. stream is 'post' or 'user'; grain_key the post or user id.
CREATE TABLE IF NOT EXISTS recsys_engagement_checkpoints
(
    service_id      varchar(150) NOT NULL,
    stream          varchar(16)  NOT NULL,
    grain_key       bigint       NOT NULL,
    applied_through bigint       NOT NULL,
    CONSTRAINT pk_recsys_engagement_checkpoints PRIMARY KEY (service_id, stream, grain_key)
);

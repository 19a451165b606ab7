-- The engagement event log (issue 5): every accepted engagement, appended in one transaction per batch before the
-- batch is acknowledged. Grains apply events and checkpoint; on activation they replay the rows after their
-- checkpoint, so an event survives a crash between its append and its application.
--   seq          global order of acceptance. Appends hold a transaction-scoped advisory lock, so rows commit in
--                seq order and a reader that sees seq n sees every earlier row (grains rely on it to checkpoint).
--   event_id     the client's id (up to 64 characters); unique per service, so a repeated id is accepted once.
--                Rows are pruned after the dedup retention (7 days) once every grain they touch has checkpointed.
--   action       snake_case engagement action ('like', 'profile_click', ...).
--   user_id      the actor; subject_id the user the event is about (the post's author or the target user), NULL
--                when that is the actor; post_id the post, if any. A User grain replays rows where it is actor or
--                subject, a Post grain rows on its post.
--   event_ticks / accepted_ticks   UTC times as .NET ticks (100 ns since 0001-01-01), exact for replays.
CREATE TABLE IF NOT EXISTS recsys_engagement_log
(
    seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id     varchar(150)     NOT NULL,
    event_id       varchar(256)     NOT NULL,
    user_id        bigint           NOT NULL,
    action         varchar(32)      NOT NULL,
    post_id        bigint           NULL,
    target_user_id bigint           NULL,
    subject_id     bigint           NULL,
    event_ticks    bigint           NOT NULL,
    value          double precision NULL,
    accepted_ticks bigint           NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_recsys_engagement_log_event ON recsys_engagement_log (service_id, event_id);
CREATE INDEX IF NOT EXISTS ix_recsys_engagement_log_user ON recsys_engagement_log (service_id, user_id, seq);
CREATE INDEX IF NOT EXISTS ix_recsys_engagement_log_subject ON recsys_engagement_log (service_id, subject_id, seq) WHERE subject_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_recsys_engagement_log_post ON recsys_engagement_log (service_id, post_id, seq) WHERE post_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_recsys_engagement_log_accepted ON recsys_engagement_log (service_id, accepted_ticks);

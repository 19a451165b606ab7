using Npgsql;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Bench.SideBySide;

/// <summary>
/// The PostgreSQL-only For You's tables, in their own schema. Secondary indexes are created after the bulk load
/// (<see cref="CreateIndexesSql"/>), as a competent bulk load does. Engagement counters per post are kept at
/// ingest by a statement-level trigger over the inserted rows (one aggregate per INSERT or COPY, not one upsert
/// per row). The popular list is a materialised view of the last day's most engaged posts, refreshed on a timer.
/// </summary>
public static class PostgresForYouSchema
{
    public const string Name = "for_you_pg";

    /// <summary>Actions that make a followee's engagement a social-graph candidate (UTEG's like, repost, reply, quote).</summary>
    public static readonly EngagementAction[] SocialActions = [EngagementAction.Like, EngagementAction.Repost, EngagementAction.Reply, EngagementAction.Quote];

    public static string CreateSql() => $"""
        DROP SCHEMA IF EXISTS {Name} CASCADE;
        CREATE SCHEMA {Name};
        SET search_path = {Name};
        CREATE TABLE users (id bigint PRIMARY KEY, verified boolean NOT NULL);
        CREATE TABLE follows (follower_id bigint NOT NULL, followee_id bigint NOT NULL, PRIMARY KEY (follower_id, followee_id));
        CREATE TABLE blocks (blocker_id bigint NOT NULL, blocked_id bigint NOT NULL, PRIMARY KEY (blocker_id, blocked_id));
        CREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint NOT NULL, created_at timestamptz NOT NULL,
            is_reply boolean NOT NULL, has_media boolean NOT NULL);
        CREATE TABLE engagements (user_id bigint NOT NULL, post_id bigint NOT NULL, action smallint NOT NULL,
            at timestamptz NOT NULL, value real);
        CREATE TABLE post_counters (post_id bigint PRIMARY KEY, impressions bigint NOT NULL, likes bigint NOT NULL,
            reposts bigint NOT NULL, replies bigint NOT NULL, profile_clicks bigint NOT NULL, video_views bigint NOT NULL,
            clicks bigint NOT NULL, not_interested bigint NOT NULL, reports bigint NOT NULL);

        CREATE FUNCTION count_engagements() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO {Name}.post_counters AS c
            SELECT post_id,
                count(*) FILTER (WHERE action = {(int)EngagementAction.Impression}),
                count(*) FILTER (WHERE action = {(int)EngagementAction.Like}) - count(*) FILTER (WHERE action = {(int)EngagementAction.Unlike}),
                count(*) FILTER (WHERE action IN ({(int)EngagementAction.Repost}, {(int)EngagementAction.Quote})),
                count(*) FILTER (WHERE action = {(int)EngagementAction.Reply}),
                count(*) FILTER (WHERE action = {(int)EngagementAction.ProfileClick}),
                count(*) FILTER (WHERE action = {(int)EngagementAction.VideoView} AND value >= 0.5),
                count(*) FILTER (WHERE action = {(int)EngagementAction.Click}),
                count(*) FILTER (WHERE action = {(int)EngagementAction.NotInterested}),
                count(*) FILTER (WHERE action = {(int)EngagementAction.Report})
            FROM inserted GROUP BY post_id
            ON CONFLICT (post_id) DO UPDATE SET impressions = c.impressions + excluded.impressions,
                likes = c.likes + excluded.likes, reposts = c.reposts + excluded.reposts, replies = c.replies + excluded.replies,
                profile_clicks = c.profile_clicks + excluded.profile_clicks, video_views = c.video_views + excluded.video_views,
                clicks = c.clicks + excluded.clicks, not_interested = c.not_interested + excluded.not_interested,
                reports = c.reports + excluded.reports;
            RETURN NULL;
        END $$;
        CREATE TRIGGER engagements_counted AFTER INSERT ON engagements REFERENCING NEW TABLE AS inserted
            FOR EACH STATEMENT EXECUTE FUNCTION count_engagements();
        """;

    public static string CreateIndexesSql(PostgresForYouParams p) => $"""
        SET search_path = {Name};
        CREATE INDEX blocks_blocked ON blocks (blocked_id);
        CREATE INDEX posts_author_recent ON posts (author_id, created_at DESC) INCLUDE (id);
        CREATE INDEX engagements_social ON engagements (user_id, at DESC) INCLUDE (post_id)
            WHERE action IN ({string.Join(", ", SocialActions.Select(a => (int)a))});
        CREATE MATERIALIZED VIEW popular_posts AS
            SELECT p.id AS post_id, p.author_id,
                row_number() OVER (ORDER BY c.likes + c.reposts + c.replies DESC, p.id) AS rank
            FROM posts p JOIN post_counters c ON c.post_id = p.id
            WHERE p.created_at >= now() - interval '{p.Window.TotalHours} hours'
            ORDER BY rank LIMIT {p.PopularListLength};
        CREATE UNIQUE INDEX popular_posts_post ON popular_posts (post_id);
        CREATE INDEX popular_posts_rank ON popular_posts (rank);
        """;

    /// <summary>What a real deployment does every minute: rebuilds the list without blocking its readers.</summary>
    public const string RefreshPopularSql = $"REFRESH MATERIALIZED VIEW CONCURRENTLY {Name}.popular_posts";

    public static async Task CreateAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand(CreateSql());
        await command.ExecuteNonQueryAsync();
    }

    public static async Task CreateIndexesAsync(NpgsqlDataSource db, PostgresForYouParams p)
    {
        await using var command = db.CreateCommand(CreateIndexesSql(p));
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();

        // After a bulk load the visibility map is empty, so index-only scans would still visit the heap; VACUUM sets it.
        await using var vacuum = db.CreateCommand("VACUUM (ANALYZE)");
        vacuum.CommandTimeout = 0;
        await vacuum.ExecuteNonQueryAsync();
    }
}

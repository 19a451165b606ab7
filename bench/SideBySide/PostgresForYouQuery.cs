using System.Globalization;
using Npgsql;

namespace Recsys.Bench.SideBySide;

/// <summary>One served post of the PostgreSQL-only For You.</summary>
public sealed record PostgresForYouItem(long PostId, long AuthorId, double Score, bool InNetwork, int SocialProof, int AuthorRank);

/// <summary>
/// The PostgreSQL-only For You in one statement: the in-network source (followees' posts of the last 24 h, newest
/// first), the social source (posts followees liked, reposted, replied to or quoted in 24 h, by how many of them),
/// the materialised popular list; own posts and blocked authors (both directions) removed; the published weighted
/// sum of head rates estimated from the per-post counters, with its normalisation (algorithm.md 1.5); then the
/// reply, verified, out-of-network, age-decay and author-diversity factors the grains apply, and a page.
/// </summary>
public sealed class PostgresForYouQuery(PostgresForYouParams p)
{
    public string Sql { get; } = Sources(p) + Ranking(p);

    /// <summary>How many candidates each source brings for a viewer (to compare with the grains' per-source stats).</summary>
    public string SourceCountsSql { get; } = Sources(p) + "SELECT (SELECT count(*) FROM in_network), (SELECT count(*) FROM social), (SELECT count(*) FROM popular)";

    public async Task<IReadOnlyList<PostgresForYouItem>> ReadAsync(NpgsqlDataSource db, long viewer, DateTimeOffset now, CancellationToken cancel = default)
    {
        await using var command = db.CreateCommand(Sql);
        command.Parameters.AddWithValue("viewer", viewer);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var items = new List<PostgresForYouItem>(p.PageSize);
        while (await reader.ReadAsync(cancel))
        {
            items.Add(new PostgresForYouItem(reader.GetInt64(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetBoolean(3), reader.GetInt32(4), reader.GetInt32(5)));
        }

        return items;
    }

    /// <summary>The plan with actual times and buffers, for checking that every source reads through its index.</summary>
    public async Task<IReadOnlyList<string>> ExplainAsync(NpgsqlDataSource db, long viewer, DateTimeOffset now)
    {
        await using var command = db.CreateCommand("EXPLAIN (ANALYZE, BUFFERS) " + Sql);
        command.Parameters.AddWithValue("viewer", viewer);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    public async Task<(long InNetwork, long Social, long Popular)> CountSourcesAsync(NpgsqlDataSource db, long viewer, DateTimeOffset now)
    {
        await using var command = db.CreateCommand(SourceCountsSql);
        command.Parameters.AddWithValue("viewer", viewer);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The viewer's followees and hidden authors, the three sources, and their union with the strongest social proof.</summary>
    private static string Sources(PostgresForYouParams p)
    {
        var schema = PostgresForYouSchema.Name;
        return $"""
            WITH followees AS MATERIALIZED (
                SELECT followee_id FROM {schema}.follows WHERE follower_id = @viewer
            ),
            hidden AS MATERIALIZED (
                SELECT blocked_id AS author_id FROM {schema}.blocks WHERE blocker_id = @viewer
                UNION SELECT blocker_id FROM {schema}.blocks WHERE blocked_id = @viewer
            ),
            in_network AS (
                SELECT r.id AS post_id FROM followees f
                CROSS JOIN LATERAL (
                    SELECT id, created_at FROM {schema}.posts
                    WHERE author_id = f.followee_id AND created_at >= @now - interval '{p.Window.TotalMinutes} minutes'
                    ORDER BY created_at DESC LIMIT {p.InNetworkMaxCandidates}) r
                ORDER BY r.created_at DESC LIMIT {p.InNetworkMaxCandidates}
            ),
            social AS (
                SELECT e.post_id, count(DISTINCT e.user_id)::int AS proof
                FROM followees f JOIN {schema}.engagements e ON e.user_id = f.followee_id
                WHERE e.action IN ({string.Join(", ", PostgresForYouSchema.SocialActions.Select(a => (int)a))})
                    AND e.at >= @now - interval '{p.Window.TotalMinutes} minutes'
                GROUP BY e.post_id ORDER BY proof DESC, e.post_id LIMIT {p.SocialGraphMaxCandidates}
            ),
            popular AS (
                SELECT post_id FROM {schema}.popular_posts ORDER BY rank LIMIT {p.PopularMaxCandidates}
            ),
            candidates AS (
                SELECT post_id, max(proof) AS proof FROM (
                    SELECT post_id, 0 AS proof FROM in_network
                    UNION ALL SELECT post_id, proof FROM social
                    UNION ALL SELECT post_id, 0 FROM popular) c
                GROUP BY post_id
            )

            """;
    }

    /// <summary>Blocked and own posts out, the weighted score from counter rates, the heuristic factors, and a page.</summary>
    private static string Ranking(PostgresForYouParams p)
    {
        var schema = PostgresForYouSchema.Name;
        var m = N(p.RateSmoothingImpressions);
        string Rate(string counter) => $"coalesce(k.{counter}, 0)::float8 / (coalesce(k.impressions, 0) + {m})";
        return $"""
            , scored AS (
                SELECT p.id, p.author_id, p.created_at, p.is_reply, a.verified, c.proof, f.followee_id IS NOT NULL AS in_network,
                    CASE WHEN w.s < 0 THEN (w.s + {N(p.NegativeWeights)}) / {N(p.PositiveWeights + p.NegativeWeights)} * 0.001
                         ELSE w.s + 0.001 END AS model_score
                FROM candidates c
                JOIN {schema}.posts p ON p.id = c.post_id
                JOIN {schema}.users a ON a.id = p.author_id
                LEFT JOIN followees f ON f.followee_id = p.author_id
                LEFT JOIN {schema}.post_counters k ON k.post_id = p.id
                CROSS JOIN LATERAL (SELECT
                    {N(p.WeightFav)} * {Rate("likes")} + {N(p.WeightRepost)} * {Rate("reposts")}
                    + {N(p.WeightReply)} * {Rate("replies")} + {N(p.WeightGoodProfileClick)} * {Rate("profile_clicks")}
                    + {N(p.WeightVideoPlayback50)} * {Rate("video_views")} + {N(p.WeightGoodClick)} * {Rate("clicks")}
                    + {N(p.WeightNegativeFeedback)} * {Rate("not_interested")} + {N(p.WeightReport)} * {Rate("reports")} AS s) w
                WHERE p.author_id <> @viewer AND NOT EXISTS (SELECT 1 FROM hidden h WHERE h.author_id = p.author_id)
            ),
            diversified AS (
                SELECT *, row_number() OVER (PARTITION BY author_id ORDER BY model_score DESC, id) - 1 AS author_rank FROM scored
            )
            SELECT id, author_id,
                model_score
                * CASE WHEN is_reply THEN {N(p.ReplyScale)} ELSE 1 END
                * CASE WHEN verified AND NOT is_reply THEN CASE WHEN in_network THEN {N(p.VerifiedInNetworkScale)} ELSE {N(p.VerifiedOutOfNetworkScale)} END ELSE 1 END
                * CASE WHEN in_network THEN 1 ELSE {N(p.OutOfNetworkScale)} END
                * ({N(1 - p.AuthorDiversityFloor)} * power({N(p.AuthorDiversityDecay)}, author_rank) + {N(p.AuthorDiversityFloor)})
                * ({N(p.AgeDecayFloor)} + {N(1 - p.AgeDecayFloor)}
                    / (1 + exp({N(p.AgeDecaySlope)} * (greatest(0, extract(epoch FROM @now - created_at)::float8 / 60) - {N(p.AgeDecayHalfLifeMinutes)})))) AS score,
                in_network, proof, author_rank::int
            FROM diversified
            ORDER BY score DESC, id LIMIT {p.PageSize}
            """;
    }
}

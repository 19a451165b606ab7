namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// The SQL that keeps the log bounded: a row older than the dedup retention goes once the checkpoint of every grain
/// it touches (its actor, its subject, its post) covers it; rows of grains that lag are found so they can be told
/// to catch up first.
/// </summary>
/// <remarks>
/// Issue 6: no index on accepted_ticks (sql/*/012 drops it; every append paid for it). Old rows are found along the
/// primary key instead: seq follows acceptance order (appends are serialized), so the first row of the service still
/// inside the retention bounds them, and only rows below it are read. The time condition stays, so a row accepted
/// out of clock order is never pruned early (at worst it waits for a later prune). The service condition is written
/// <c>service_id || '' = @service</c> so that no index starting with service_id (every other one does) is used
/// instead of the seq range: without statistics SQLite would otherwise pick one and read every row of the service.
/// </remarks>
internal static class EngagementLogPruning
{
    private const string Covered =
        "EXISTS (SELECT 1 FROM recsys_engagement_checkpoints c WHERE c.service_id = l.service_id AND c.stream = '{0}' " +
        "AND c.grain_key = l.{1} AND c.applied_through >= l.seq)";

    private static readonly string ActorCovered = string.Format(Covered, "user", "user_id");
    private static readonly string SubjectCovered = string.Format(Covered, "user", "subject_id");
    private static readonly string PostCovered = string.Format(Covered, "post", "post_id");

    // The first seq still inside the retention (or past every row): ORDER BY seq LIMIT 1 reads the primary key in order.
    private const string Bound =
        "COALESCE((SELECT n.seq FROM recsys_engagement_log n WHERE n.service_id || '' = @service AND n.accepted_ticks >= @before " +
        "ORDER BY n.seq LIMIT 1), 9223372036854775807)";

    private static readonly string Old = $"l.seq < {Bound} AND l.service_id || '' = @service AND l.accepted_ticks < @before";

    public static readonly string PruneSql =
        $"DELETE FROM recsys_engagement_log AS l WHERE {Old} " +
        $"AND {ActorCovered} AND (l.subject_id IS NULL OR {SubjectCovered}) AND (l.post_id IS NULL OR {PostCovered})";

    public static readonly string FindLaggingSql =
        "SELECT DISTINCT stream, grain_key FROM (" +
        $"SELECT 'user' AS stream, l.user_id AS grain_key FROM recsys_engagement_log l WHERE {Old} AND NOT {ActorCovered} " +
        "UNION ALL " +
        $"SELECT 'user', l.subject_id FROM recsys_engagement_log l WHERE {Old} AND l.subject_id IS NOT NULL AND NOT {SubjectCovered} " +
        "UNION ALL " +
        $"SELECT 'post', l.post_id FROM recsys_engagement_log l WHERE {Old} AND l.post_id IS NOT NULL AND NOT {PostCovered}" +
        ") lagging ORDER BY stream, grain_key LIMIT @max";
}

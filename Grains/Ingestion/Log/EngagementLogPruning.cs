namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// The SQL that keeps the log bounded: a row older than the dedup retention goes once the checkpoint of every grain
/// it touches (its actor, its subject, its post) covers it; rows of grains that lag are found so they can be told
/// to catch up first.
/// </summary>
internal static class EngagementLogPruning
{
    private const string Covered =
        "EXISTS (SELECT 1 FROM recsys_engagement_checkpoints c WHERE c.service_id = l.service_id AND c.stream = '{0}' " +
        "AND c.grain_key = l.{1} AND c.applied_through >= l.seq)";

    private static readonly string ActorCovered = string.Format(Covered, "user", "user_id");
    private static readonly string SubjectCovered = string.Format(Covered, "user", "subject_id");
    private static readonly string PostCovered = string.Format(Covered, "post", "post_id");

    public static readonly string PruneSql =
        "DELETE FROM recsys_engagement_log AS l WHERE l.service_id = @service AND l.accepted_ticks < @before " +
        $"AND {ActorCovered} AND (l.subject_id IS NULL OR {SubjectCovered}) AND (l.post_id IS NULL OR {PostCovered})";

    public static readonly string FindLaggingSql =
        "SELECT DISTINCT stream, grain_key FROM (" +
        $"SELECT 'user' AS stream, l.user_id AS grain_key FROM recsys_engagement_log l WHERE l.service_id = @service AND l.accepted_ticks < @before AND NOT {ActorCovered} " +
        "UNION ALL " +
        $"SELECT 'user', l.subject_id FROM recsys_engagement_log l WHERE l.service_id = @service AND l.accepted_ticks < @before AND l.subject_id IS NOT NULL AND NOT {SubjectCovered} " +
        "UNION ALL " +
        $"SELECT 'post', l.post_id FROM recsys_engagement_log l WHERE l.service_id = @service AND l.accepted_ticks < @before AND l.post_id IS NOT NULL AND NOT {PostCovered}" +
        ") lagging ORDER BY stream, grain_key LIMIT @max";
}

using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ingestion;

/// <summary>
/// Brings a grain up to date with the event log: reads its rows after <see cref="ReplayCursor.AppliedThrough"/>
/// page by page, applies those not applied yet, and advances the cursor past everything read. Because rows commit
/// in sequence order, nothing at or below the last row read can still appear later.
/// </summary>
/// <remarks>
/// A log that lists a grain's sequences (<see cref="IListsGrainSequences"/>, the SQLite log) is asked first: when the
/// grain applied every listed one already (the usual checkpoint: deliveries brought them all), the cursor moves past
/// them without reading a row. That is safe because a grain applies only delivered events, which are committed, and
/// a listing holds every event of the grain up to its last sequence (issue 6: a checkpoint read its rows back).
/// </remarks>
public static class EngagementReplay
{
    /// <summary>Returns how many events were applied now.</summary>
    public static async Task<int> CatchUpAsync(
        IEngagementLog log, LogStream stream, long key, ReplayCursor cursor, int pageSize, Func<LoggedEngagement, ValueTask> apply)
    {
        var applied = 0;
        while (true)
        {
            if (log is IListsGrainSequences listing)
            {
                var listed = await listing.ListAsync(stream, key, cursor.AppliedThrough, pageSize);
                if (AllApplied(listed, cursor))
                {
                    if (listed.Length > 0)
                    {
                        cursor.AdvanceTo(listed[^1]);
                    }

                    if (listed.Length < pageSize)
                    {
                        return applied;
                    }

                    continue;
                }
            }

            var page = await log.ReadAsync(stream, key, cursor.AppliedThrough, pageSize);
            foreach (var engagement in page)
            {
                if (!cursor.IsApplied(engagement.Sequence))
                {
                    await apply(engagement);
                    cursor.TryMark(engagement.Sequence);
                    applied++;
                }
            }

            if (page.Count == 0)
            {
                return applied;
            }

            cursor.AdvanceTo(page[^1].Sequence);
            if (page.Count < pageSize)
            {
                return applied;
            }
        }
    }

    private static bool AllApplied(long[] listed, ReplayCursor cursor)
    {
        foreach (var sequence in listed)
        {
            if (!cursor.IsApplied(sequence))
            {
                return false;
            }
        }

        return true;
    }
}

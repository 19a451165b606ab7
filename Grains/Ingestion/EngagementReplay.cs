using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ingestion;

/// <summary>
/// Brings a grain up to date with the event log: reads its rows after <see cref="ReplayCursor.AppliedThrough"/>
/// page by page, applies those not applied yet, and advances the cursor past everything read. Because rows commit
/// in sequence order, nothing at or below the last row read can still appear later.
/// </summary>
public static class EngagementReplay
{
    /// <summary>Returns how many events were applied now.</summary>
    public static async Task<int> CatchUpAsync(
        IEngagementLog log, LogStream stream, long key, ReplayCursor cursor, int pageSize, Func<LoggedEngagement, ValueTask> apply)
    {
        var applied = 0;
        while (true)
        {
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
}

namespace Recsys.Grains.Timeline;

/// <summary>
/// What a timeline keeps across activations (written when it deactivates): when the viewer last asked, and the
/// posts served most recently, oldest first (bounded by <see cref="ForYouParams.ServedHistory"/>).
/// </summary>
public sealed class TimelineState
{
    public DateTimeOffset? LastRequestAt { get; set; }

    public List<long> Served { get; set; } = [];

    public void RecordServed(IEnumerable<long> postIds, DateTimeOffset at, int capacity)
    {
        Served.AddRange(postIds);
        if (Served.Count > capacity)
        {
            Served.RemoveRange(0, Served.Count - capacity);
        }

        LastRequestAt = at;
    }
}

namespace Recsys.Grains.Users;

/// <summary>
/// On which of the last 64 days (UTC) a user was active and on which they posted: two bit masks where bit i is
/// the day <see cref="Day"/> - i. Enough for the 28-day user state at 16 bytes.
/// </summary>
public sealed class ActivityCalendar
{
    private const int Span = 64;

    /// <summary>The newest day recorded, as days since 0001-01-01 UTC.</summary>
    public long Day { get; set; }

    public ulong Active { get; set; }

    public ulong Posted { get; set; }

    public void MarkActive(DateTimeOffset at) => Active = Mark(Active, DayOf(at));

    public void MarkPosted(DateTimeOffset at)
    {
        Posted = Mark(Posted, DayOf(at));
        Active = Mark(Active, DayOf(at));
    }

    /// <summary>Days with activity among the <paramref name="days"/> days ending today.</summary>
    public int ActiveDays(DateTimeOffset now, int days) => Count(Active, DayOf(now), days);

    public int PostedDays(DateTimeOffset now, int days) => Count(Posted, DayOf(now), days);

    private static long DayOf(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerDay;

    private ulong Mark(ulong mask, long day)
    {
        if (day > Day)
        {
            var shift = day - Day;
            Active = shift >= Span ? 0 : Active << (int)shift;
            Posted = shift >= Span ? 0 : Posted << (int)shift;
            mask = shift >= Span ? 0 : mask << (int)shift;
            Day = day;
        }

        var back = Day - day;
        return back < Span ? mask | (1UL << (int)back) : mask;
    }

    private int Count(ulong mask, long today, int days)
    {
        var count = 0;
        for (var i = 0; i < days; i++)
        {
            var back = Day - (today - i);
            if (back is >= 0 and < Span && (mask & (1UL << (int)back)) != 0)
            {
                count++;
            }
        }

        return count;
    }
}

using System.Globalization;

namespace Recsys.Grains.Aggregates;

/// <summary>Short names for half-lives and windows: "30m", "24h", "3d", "50d".</summary>
public static class DurationLabel
{
    public static string Format(TimeSpan duration)
    {
        if (duration.Ticks % TimeSpan.TicksPerDay == 0 && duration >= TimeSpan.FromDays(2))
        {
            return ((long)duration.TotalDays).ToString(CultureInfo.InvariantCulture) + "d";
        }

        if (duration.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return ((long)duration.TotalHours).ToString(CultureInfo.InvariantCulture) + "h";
        }

        return duration.TotalMinutes.ToString("0.###", CultureInfo.InvariantCulture) + "m";
    }
}

namespace Recsys.Grains.RealGraph;

/// <summary>UTC day numbers: RealGraph decays once per elapsed calendar day, as the published daily job does.</summary>
public static class RealGraphDay
{
    public static int Of(DateTimeOffset time) => (int)(time.UtcTicks / TimeSpan.TicksPerDay);
}

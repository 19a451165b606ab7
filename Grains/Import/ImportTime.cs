namespace Recsys.Grains.Import;

/// <summary>
/// Maps a file's Unix times to event times: with shift-to-now (the default), every time moves by the same amount so
/// that the newest event is now, since every window (aggregates, RealGraph's 30 days) counts back from the present.
/// </summary>
public sealed class ImportTime
{
    private ImportTime(TimeSpan shift) => Shift = shift;

    public TimeSpan Shift { get; }

    public static ImportTime For(long? newestUnixTime, DateTimeOffset now, bool shiftToNow)
    {
        if (newestUnixTime is not { } newest || !shiftToNow)
        {
            return new ImportTime(TimeSpan.Zero);
        }

        // whole seconds, so shifted times stay on the file's second grid
        return new ImportTime(TimeSpan.FromSeconds(Math.Floor((now - FromUnix(newest)).TotalSeconds)));
    }

    public DateTimeOffset At(long unixTime) => FromUnix(unixTime) + Shift;

    public static DateTimeOffset FromUnix(long unixTime) =>
        unixTime is >= 0 and <= 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(unixTime)
        : throw new ImportFormatException($"time {unixTime} is not a Unix time in seconds");
}

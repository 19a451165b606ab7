namespace Recsys.Runtime.Reminders;

/// <summary>
/// Row rules shared by every reminder table, so that all of them accept, store and return the same thing:
/// times and periods at whole milliseconds (Orleans' timestamptz(3)), column limits, and the hash encoding.
/// </summary>
internal static class ReminderRows
{
    public const int MaxGrainIdLength = 1024;
    public const int MaxReminderNameLength = 150;

    /// <summary>Validates the entry and truncates its times to milliseconds, UTC; the ETag is left out.</summary>
    public static ReminderEntry Normalize(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var grainId = GrainIdText(entry.GrainId);
        ValidateName(entry.ReminderName);
        if (grainId.Length > MaxGrainIdLength)
        {
            throw new ArgumentException($"Grain id {grainId} is longer than {MaxGrainIdLength} characters.", nameof(entry));
        }

        return entry with { StartAt = ToMilliseconds(entry.StartAt), Period = FromMilliseconds(PeriodMilliseconds(entry.Period)), ETag = null };
    }

    public static string GrainIdText(GrainId grainId) =>
        grainId.IsDefault ? throw new ArgumentException("The grain id is the default value.", nameof(grainId)) : grainId.ToString();

    public static void ValidateName(string reminderName)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        if (reminderName.Length > MaxReminderNameLength)
        {
            throw new ArgumentException($"Reminder name '{reminderName}' is longer than {MaxReminderNameLength} characters.", nameof(reminderName));
        }
    }

    public static DateTimeOffset ToMilliseconds(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static long PeriodMilliseconds(TimeSpan period) => period.Ticks / TimeSpan.TicksPerMillisecond;

    public static TimeSpan FromMilliseconds(long milliseconds) => TimeSpan.FromTicks(milliseconds * TimeSpan.TicksPerMillisecond);

    /// <summary>The uint hash with its sign bit flipped, as a signed int: signed order then equals ring order.</summary>
    public static int ToStoredHash(uint hash) => unchecked((int)(hash ^ 0x80000000u));

    /// <summary>Whether <paramref name="hash"/> lies in the ring range (begin, end]; begin == end is the whole ring.</summary>
    public static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end
        : begin > end ? hash > begin || hash <= end
        : true;
}

using System.Text.Json.Serialization;

namespace Recsys.Grains.Users;

/// <summary>A user's own side of the social graph and the lists it curates: follows, blocks, mutes, reports, words, topics, contacts.</summary>
public sealed class SocialGraph
{
    public RelationSet Follows { get; set; } = new();

    public RelationSet Blocks { get; set; } = new();

    public RelationSet Mutes { get; set; } = new();

    private Dictionary<long, long>? _reports;

    /// <summary>Users this user reported, and when (UTC ticks), bounded (<see cref="AddReport"/>).</summary>
    public IReadOnlyDictionary<long, long> Reports
    {
        get => TickMaps.Read(_reports);
        set => _reports = TickMaps.Kept(value);
    }

    /// <summary>Lower-case, trimmed, distinct.</summary>
    public string[] MutedWords { get; set; } = [];

    public string[] FollowedTopics { get; set; } = [];

    /// <summary>Uploaded address-book hashes.</summary>
    public string[] Contacts { get; set; } = [];

    /// <summary>
    /// Moves whenever follows, blocks, mutes or reports change (in memory only; each part only counts up, so their sum
    /// moves when any does): what was derived from them is still current while it has not moved.
    /// </summary>
    [JsonIgnore]
    public int RelationsVersion => Follows.Version + Blocks.Version + Mutes.Version + _reportsVersion;

    private int _reportsVersion;

    /// <summary>Records a report of <paramref name="target"/> (the latest time wins); past the bound the oldest is forgotten.</summary>
    public void AddReport(long target, long atTicks, int maxRemembered)
    {
        var reports = TickMaps.Writable(ref _reports);
        reports[target] = Math.Max(atTicks, reports.GetValueOrDefault(target));
        if (reports.Count > maxRemembered)
        {
            reports.Remove(reports.MinBy(p => p.Value).Key);
        }

        _reportsVersion++;
    }
}

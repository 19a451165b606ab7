using System.Collections;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline;

/// <summary>
/// An immutable snapshot of a viewer's cached scored candidates, best first, with what every request needs of it built
/// once per write rather than once per request: the candidates alone (the cached source's answer) and the entries by
/// post id. A request that finds nothing expired reuses the snapshot as it is; a kept session may hold it after the
/// cache moved on.
/// </summary>
public sealed class CachedCandidateSet : IReadOnlyList<CachedCandidate>
{
    public static readonly CachedCandidateSet Empty = new([]);

    private readonly CachedCandidate[] _entries;
    private Candidate[]? _candidates;
    private Dictionary<long, CachedCandidate>? _byPost;
    private (CandidateSourceId Source, long[] PostIds)[]? _bySource;
    private readonly DateTimeOffset _earliest = DateTimeOffset.MaxValue; // the oldest entry's scoring time
    private readonly string? _version; // the one model version every entry was scored with; null when they differ

    public CachedCandidateSet(IEnumerable<CachedCandidate> entries)
    {
        _entries = entries.ToArray();
        _version = _entries.Length == 0 ? null : _entries[0].Model.Version;
        foreach (var entry in _entries)
        {
            _earliest = entry.ScoredAt < _earliest ? entry.ScoredAt : _earliest;
            _version = entry.Model.Version == _version ? _version : null;
        }
    }

    public int Count => _entries.Length;

    public CachedCandidate this[int index] => _entries[index];

    /// <summary>The cached candidates alone, in the same order (built on first use; shared, never changed).</summary>
    public IReadOnlyList<Candidate> Candidates => _candidates ??= Array.ConvertAll(_entries, e => e.Candidate);

    /// <summary>The entries by post id (built on first use; shared, never changed).</summary>
    public IReadOnlyDictionary<long, CachedCandidate> ByPost => _byPost ??= BuildByPost(_entries);

    /// <summary>The posts of the entries per source that found them, in order of first appearance (built on first use).</summary>
    public IReadOnlyList<(CandidateSourceId Source, long[] PostIds)> BySource =>
        _bySource ??= _entries.GroupBy(e => e.Candidate.Source).Select(g => (g.Key, g.Select(e => e.Candidate.PostId).ToArray())).ToArray();

    /// <summary>
    /// The entries scored less than <paramref name="ttl"/> before <paramref name="now"/> with model
    /// <paramref name="version"/>: this snapshot itself when all are, found from its oldest entry and its one version
    /// without reading each entry (a refresh within the TTL touched 1,000 entries for that).
    /// </summary>
    public CachedCandidateSet Live(DateTimeOffset now, TimeSpan ttl, string version) =>
        _entries.Length == 0 || (now - _earliest < ttl && _version == version)
            ? this
            : Where(entry => now - entry.ScoredAt < ttl && entry.Model.Version == version);

    /// <summary>The entries <paramref name="live"/> keeps: this snapshot itself when it keeps them all.</summary>
    public CachedCandidateSet Where(Func<CachedCandidate, bool> live)
    {
        foreach (var entry in _entries)
        {
            if (!live(entry))
            {
                return new CachedCandidateSet(_entries.Where(live));
            }
        }

        return this;
    }

    public IEnumerator<CachedCandidate> GetEnumerator() => ((IEnumerable<CachedCandidate>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Later entries win, as the per-request index did (post ids are unique in a write).
    private static Dictionary<long, CachedCandidate> BuildByPost(CachedCandidate[] entries)
    {
        var byPost = new Dictionary<long, CachedCandidate>(entries.Length);
        foreach (var entry in entries)
        {
            byPost[entry.Candidate.PostId] = entry;
        }

        return byPost;
    }
}

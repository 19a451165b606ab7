using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Recsys.Runtime;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.BulkLoad;

/// <summary>
/// The bulk loader's grain storage: reads fall through to the target database, writes stay in memory with ETag
/// checks like any provider, and at the end <see cref="Changed"/> lists what to write back, each with the version
/// it was read at. Only written states are held, as UTF-8 (half a string's size: a user's JSON averages 12 KB at
/// the For You benchmark's shape): a state that is only read is read from the target again if its grain
/// reactivates (the target does not change during a chunk), and a written one keeps a digest of what the target
/// held instead of the text, so a large load's memory is its changed states, once each.
/// </summary>
public sealed class CapturingGrainStorage(IGrainStorage target) : IGrainStorage
{
    // The ETag of a state as the target holds it, before any write here.
    private const string TargetETag = "b";

    private readonly ConcurrentDictionary<(GrainId, string), Entry> _entries = new();

    public async Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        if (_entries.TryGetValue((grainId, stateName), out var entry))
        {
            lock (entry)
            {
                if (entry.Writes > 0)
                {
                    return new GrainStateRecord(entry.Json, entry.ETag!, entry.ModifiedOn);
                }
            }
        }

        var stored = await target.ReadAsync(grainId, stateName, cancellationToken);
        return stored is null ? null : stored with { ETag = TargetETag };
    }

    public Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? expectedETag, CancellationToken cancellationToken = default) =>
        SwapAsync(grainId, stateName, json, expectedETag, cancellationToken);

    public Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken = default) =>
        SwapAsync(grainId, stateName, null, expectedETag, cancellationToken);

    /// <summary>States written here whose JSON differs from what the target held; each one's text is made when it is read.</summary>
    public IReadOnlyList<CapturedState> Changed() => new ChangedStates(_entries.Where(p => !p.Value.IsUnchanged).ToArray());

    private async Task<string> SwapAsync(GrainId grainId, string stateName, string? json, string? expectedETag, CancellationToken cancellationToken)
    {
        var entry = await EntryAsync(grainId, stateName, cancellationToken);
        lock (entry)
        {
            if (entry.ETag != expectedETag)
            {
                throw new InconsistentStateException($"Version conflict on grain {grainId}, state '{stateName}' in the bulk loader: expected {expectedETag ?? "<none>"}, have {entry.ETag ?? "<none>"}.", entry.ETag, expectedETag);
            }

            entry.Json = json;
            entry.Writes++;
            entry.ModifiedOn = DateTimeOffset.UtcNow;
            return entry.ETag!;
        }
    }

    // The entry of a state about to be written: read from the target on its first write.
    private async Task<Entry> EntryAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue((grainId, stateName), out var entry))
        {
            return entry;
        }

        var stored = await target.ReadAsync(grainId, stateName, cancellationToken);
        return _entries.GetOrAdd((grainId, stateName), new Entry(stored));
    }

    internal sealed class Entry(GrainStateRecord? stored)
    {
        private readonly byte[]? _baseDigest = stored?.Json is { } json ? SHA256.HashData(Encoding.UTF8.GetBytes(json)) : null;
        private byte[]? _utf8;

        /// <summary>The target's version when read; null when the target had no row.</summary>
        public int? BaseVersion { get; } = stored is null ? null : int.Parse(stored.ETag, CultureInfo.InvariantCulture);

        /// <summary>The last write's JSON (read only after a write).</summary>
        public string? Json
        {
            get => _utf8 is null ? null : Encoding.UTF8.GetString(_utf8);
            set => _utf8 = value is null ? null : Encoding.UTF8.GetBytes(value);
        }

        public int Writes { get; set; }

        public DateTimeOffset ModifiedOn { get; set; } = stored?.ModifiedOn ?? default;

        /// <summary><see cref="TargetETag"/> before any local write when the target had a row, "cN" after N writes, null when there is nothing yet.</summary>
        public string? ETag => Writes > 0 ? "c" + Writes.ToString(CultureInfo.InvariantCulture) : BaseVersion is null ? null : TargetETag;

        public bool IsUnchanged => Writes == 0 || (_baseDigest is null ? _utf8 is null : _utf8 is not null && _baseDigest.AsSpan().SequenceEqual(SHA256.HashData(_utf8)));
    }
}

/// <summary>The changed states as a list whose items are made on access, so an export holds one chunk of texts at a time.</summary>
internal sealed class ChangedStates(KeyValuePair<(GrainId GrainId, string StateName), CapturingGrainStorage.Entry>[] changed) : IReadOnlyList<CapturedState>
{
    public int Count => changed.Length;

    public CapturedState this[int index] => new(changed[index].Key.GrainId, changed[index].Key.StateName, changed[index].Value.Json, changed[index].Value.BaseVersion);

    public IEnumerator<CapturedState> GetEnumerator()
    {
        for (var i = 0; i < changed.Length; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A state to write back: its JSON (null: cleared) and the target version it was read at (null: a new row).</summary>
public sealed record CapturedState(GrainId GrainId, string StateName, string? Json, int? BaseVersion);

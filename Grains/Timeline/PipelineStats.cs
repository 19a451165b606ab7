using Recsys.Grains.Interfaces.Timeline;

namespace Recsys.Grains.Timeline;

/// <summary>What one run did, for explain output and logs: candidates per source, failed sources, removals per component.</summary>
public sealed class PipelineStats
{
    private readonly Dictionary<string, int> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _removed = new(StringComparer.Ordinal);
    private readonly List<string> _failed = [];

    public int Hydrated { get; set; }

    public int Ranked { get; set; }

    /// <summary>Grain calls made by the hydrators (cache hits are not calls).</summary>
    public int GrainCalls { get; set; }

    public IReadOnlyDictionary<string, int> Removed => _removed;

    public IReadOnlyDictionary<string, int> Sources => _sources;

    public IReadOnlyList<string> FailedSources => _failed;

    public void SourceReturned(string source, int count) => _sources[source] = count;

    public void SourceFailed(string source, string why) => _failed.Add($"{source}: {why}");

    public void RecordRemoved(string scope, int count)
    {
        if (count > 0)
        {
            _removed[scope] = _removed.GetValueOrDefault(scope) + count;
        }
    }

    public ForYouStats ToContract(bool fromCache) => new(
        new Dictionary<string, int>(_sources), _failed.ToArray(), new Dictionary<string, int>(_removed), Hydrated, Ranked, GrainCalls, fromCache);
}

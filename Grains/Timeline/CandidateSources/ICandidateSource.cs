using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline.CandidateSources;

/// <summary>
/// A candidate source: finds posts for the viewer, each candidate tagged with the source's id. Sources run in
/// parallel; the pipeline bounds each by a timeout and skips one that fails or is too slow (fail-open), so the
/// source itself need not catch. It should stop when <paramref name="cancellation"/> fires.
/// </summary>
public interface ICandidateSource
{
    CandidateSourceId Id { get; }

    Task<IReadOnlyList<Candidate>> FetchAsync(TimelineQuery query, CancellationToken cancellation);
}

using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// A filter: keeps some candidates and removes the others, and says which, so every drop can be explained.
/// Filters run in the order the pipeline config lists them; stateless filters are singletons.
/// </summary>
public interface IFilter
{
    FilterId Id { get; }

    FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates);

    /// <summary>
    /// The filter as a test of one candidate under <paramref name="query"/>, for a filter whose decision depends on
    /// that candidate alone (<see cref="CandidateTests.KeepAll"/> when it keeps every candidate for this query); null for
    /// one that looks at the whole list (duplicates, per-author limits). The pipeline runs consecutive filters that
    /// have a test in one pass over the candidates. <see cref="Apply"/> keeps exactly what the test keeps. A test reads
    /// no scores (the same tests run before scoring, and after it on candidates whose final scores are kept beside them).
    /// </summary>
    Func<Candidate, bool>? Test(RankingQuery query) => null;
}

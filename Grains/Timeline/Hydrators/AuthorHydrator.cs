using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Runtime;

namespace Recsys.Grains.Timeline.Hydrators;

/// <summary>
/// Hydrates each candidate's author from its User grain, once per distinct author, in batches, through the silo's
/// short-lived cache: verification, subscription, suspension, tweepcred, engagements received. Read for nobody in
/// particular; <see cref="AuthorRelationHydrator"/> reads the final list's authors for this viewer.
/// </summary>
public sealed class AuthorHydrator(IGrainFactory grains, HydrationCaches caches) : ICandidateHydrator
{
    public HydratorId Id { get; } = new("Author");

    public async Task<IReadOnlyList<Candidate>> HydrateAsync(TimelineQuery query, IReadOnlyList<Candidate> candidates, CancellationToken cancellation)
    {
        var authors = candidates.Select(c => c.KnownAuthorId).Where(a => a != 0).Distinct().ToArray();
        var (facts, calls) = await CachedCalls.GetAsync(authors, caches.Authors, query.Params,
            a => grains.GetGrain<IUserRankingGrain>(a).GetAuthorFacts(0), cancellation);
        query.CountCalls(calls);
        return Attach(candidates, ByAuthor(authors, facts));
    }

    /// <summary>Attaches authors' facts to candidates (pure; also used to replay captured facts).</summary>
    public static IReadOnlyList<Candidate> Attach(IReadOnlyList<Candidate> candidates, IReadOnlyDictionary<long, AuthorFacts> authors) =>
        candidates.Select(c => authors.TryGetValue(c.KnownAuthorId, out var f) ? c with { Author = f } : c).ToArray();

    public static Dictionary<long, AuthorFacts> ByAuthor(IReadOnlyList<long> authors, AuthorFacts?[] facts)
    {
        var byAuthor = new Dictionary<long, AuthorFacts>(authors.Count);
        for (var i = 0; i < authors.Count; i++)
        {
            if (facts[i] is { } f)
            {
                byAuthor[authors[i]] = f;
            }
        }

        return byAuthor;
    }
}

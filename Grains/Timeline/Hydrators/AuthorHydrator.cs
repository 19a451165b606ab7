using Recsys.Grains.Interfaces.Timeline;
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

    public async Task HydrateAsync(TimelineQuery query, HydrationDraft draft, CancellationToken cancellation)
    {
        var authors = DistinctAuthors(draft);
        var (facts, calls) = await CachedCalls.GetAsync(authors, caches.Authors, query.Params,
            a => grains.GetGrain<IUserRankingGrain>(a).GetAuthorFacts(0), cancellation);
        query.CountCalls(calls);
        Attach(draft, ByAuthor(authors, facts));
    }

    /// <summary>The draft's known authors, each once, in order of first appearance.</summary>
    public static long[] DistinctAuthors(HydrationDraft draft)
    {
        var seen = new HashSet<long>(draft.Count);
        var authors = new List<long>(draft.Count);
        for (var i = 0; i < draft.Count; i++)
        {
            var author = draft.KnownAuthorId(i);
            if (author != 0 && seen.Add(author))
            {
                authors.Add(author);
            }
        }

        return authors.ToArray();
    }

    /// <summary>Attaches authors' facts to the draft's candidates (pure; also used to replay captured facts).</summary>
    public static void Attach(HydrationDraft draft, IReadOnlyDictionary<long, AuthorFacts> authors)
    {
        for (var i = 0; i < draft.Count; i++)
        {
            if (authors.TryGetValue(draft.KnownAuthorId(i), out var facts))
            {
                draft.SetAuthor(i, facts);
            }
        }
    }

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

using System.Buffers;
using System.Runtime.InteropServices;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Grains.Ranking.Models;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// Author diversity (RescoreAuthorDiversity, algorithm.md 1.6): an author's posts, ranked by model score, are
/// multiplied by (1 - floor) · decay^k + floor for the k-th (0-based): 1, 0.625, 0.4375, ... towards the floor.
/// </summary>
public sealed class AuthorDiversityScorer(double decay, double floor) : IRescorer
{
    public ScorerId Id { get; } = new("AuthorDiversity");

    // Reused by each thread: a request finds ~1,000 authors here, and a fresh map each time would be allocated anew.
    [ThreadStatic]
    private static Dictionary<long, int>? t_lastPostOf;

    public void Factors(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> modelScores, Span<double> factors)
    {
        // Each author's posts are chained through `previous`, with one hash lookup per candidate. An author with one post
        // keeps the factor of the first place; only the longer chains are ranked, each on its own (a sort of every
        // candidate by author was 8 % of a refresh from the cache).
        var n = candidates.Count;
        var lastPostOf = t_lastPostOf ??= new Dictionary<long, int>();
        lastPostOf.Clear();
        lastPostOf.EnsureCapacity(n);
        var previous = ArrayPool<int>.Shared.Rent(n);
        var chained = false;
        for (var i = 0; i < n; i++)
        {
            ref var last = ref CollectionsMarshal.GetValueRefOrAddDefault(lastPostOf, candidates[i].KnownAuthorId, out var known);
            previous[i] = known ? last : -1;
            chained |= known;
            last = i;
        }

        var first = DiversityDiscount.Multiplier(0, decay, floor);
        var rented = chained ? ArrayPool<Key>.Shared.Rent(n) : [];
        foreach (var last in lastPostOf.Values)
        {
            if (previous[last] < 0)
            {
                factors[last] = first;
                continue;
            }

            // Best model score first; equal scores by post id, so the discount does not depend on input order.
            var length = 0;
            for (var i = last; i >= 0; i = previous[i])
            {
                rented[length++] = new Key(modelScores[i], candidates[i].PostId, i);
            }

            var posts = rented.AsSpan(0, length);
            posts.Sort();
            for (var k = 0; k < posts.Length; k++)
            {
                factors[posts[k].Index] = DiversityDiscount.Multiplier(k, decay, floor);
            }
        }

        ArrayPool<int>.Shared.Return(previous);
        if (chained)
        {
            ArrayPool<Key>.Shared.Return(rented);
        }
    }

    private readonly record struct Key(double ModelScore, long PostId, int Index) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            var c = other.ModelScore.CompareTo(ModelScore);
            c = c != 0 ? c : PostId.CompareTo(other.PostId);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }
}

using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Timeline.Hydrators;

/// <summary>
/// The candidates of one hydration step while its hydrators run, in order: each hydrator reads the candidates as
/// hydrated so far and records what it adds; <see cref="Build"/> then makes one copy of each changed candidate
/// (the others are returned as they came), however many hydrators ran. Not shared between requests.
/// </summary>
public sealed class HydrationDraft
{
    private readonly IReadOnlyList<Candidate> _candidates;
    private readonly double[]? _lightScores;
    private readonly Entry[] _entries;

    /// <param name="candidates">The candidates to hydrate.</param>
    /// <param name="lightScores">When given, each candidate's light score, set in the same copy (every candidate is then copied).</param>
    public HydrationDraft(IReadOnlyList<Candidate> candidates, double[]? lightScores = null)
    {
        if (lightScores is not null && lightScores.Length != candidates.Count)
        {
            throw new ArgumentException($"expected {candidates.Count} light scores, got {lightScores.Length}", nameof(lightScores));
        }

        _candidates = candidates;
        _lightScores = lightScores;
        _entries = new Entry[candidates.Count];
        for (var i = 0; i < _entries.Length; i++)
        {
            var c = candidates[i];
            _entries[i] = new Entry { InNetwork = c.InNetwork, Post = c.Post, Author = c.Author, SocialProof = c.SocialProof };
        }
    }

    public int Count => _entries.Length;

    /// <summary>The candidate as it entered the step (what hydration does not change: post id, source, reposter, ...).</summary>
    public Candidate Original(int i) => _candidates[i];

    public long PostId(int i) => _candidates[i].PostId;

    public bool InNetwork(int i) => _entries[i].InNetwork;

    public PostFacts? Post(int i) => _entries[i].Post;

    public IReadOnlyList<long> SocialProof(int i) => _entries[i].SocialProof;

    /// <summary>As <see cref="Candidate.KnownAuthorId"/> on the candidate hydrated so far.</summary>
    public long KnownAuthorId(int i) => _entries[i].PostSet ? _entries[i].Post!.Info.AuthorId : _candidates[i].KnownAuthorId;

    /// <summary>A post's facts and what they complete: its author, whether it is in-network, its reply parent and media flag.</summary>
    public void SetPost(int i, PostFacts post, bool inNetwork)
    {
        ref var e = ref _entries[i];
        (e.InNetwork, e.Post, e.PostSet, e.Changed) = (inNetwork, post, true, true);
    }

    public void SetAuthor(int i, AuthorFacts author) => (_entries[i].Author, _entries[i].Changed) = (author, true);

    public void SetSocialProof(int i, IReadOnlyList<long> proof) => (_entries[i].SocialProof, _entries[i].Changed) = (proof, true);

    /// <summary>The hydrated candidates, same order: one copy per changed candidate.</summary>
    public IReadOnlyList<Candidate> Build()
    {
        var built = new Candidate[_entries.Length];
        for (var i = 0; i < built.Length; i++)
        {
            ref readonly var e = ref _entries[i];
            var c = _candidates[i];
            var post = e.PostSet ? e.Post!.Info : null; // the post's facts complete what the source knew
            built[i] = !e.Changed && _lightScores is null ? c : c with
            {
                AuthorId = post?.AuthorId ?? c.AuthorId, InNetwork = e.InNetwork, ReplyToId = post is null ? c.ReplyToId : post.ReplyToId,
                HasMedia = post?.HasMedia ?? c.HasMedia, Post = e.Post, Author = e.Author, SocialProof = e.SocialProof,
                LightScore = _lightScores?[i] ?? c.LightScore,
            };
        }

        return built;
    }

    // What hydration may change; a post's author, reply parent and media flag are read from it when built.
    private struct Entry
    {
        public PostFacts? Post;
        public AuthorFacts? Author;
        public IReadOnlyList<long> SocialProof;
        public bool InNetwork;
        public bool PostSet;
        public bool Changed;
    }
}

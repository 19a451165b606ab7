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
            _entries[i] = new Entry
            {
                AuthorId = c.AuthorId, InNetwork = c.InNetwork, ReplyToId = c.ReplyToId, HasMedia = c.HasMedia, Post = c.Post,
                Author = c.Author, SocialProof = c.SocialProof,
            };
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
    public long KnownAuthorId(int i) => _entries[i].AuthorId != 0 ? _entries[i].AuthorId : _entries[i].Post?.Info.AuthorId ?? 0;

    /// <summary>A post's facts and what they complete: its author, whether it is in-network, its reply parent and media flag.</summary>
    public void SetPost(int i, PostFacts post, bool inNetwork)
    {
        ref var e = ref _entries[i];
        (e.AuthorId, e.InNetwork, e.ReplyToId, e.HasMedia, e.Post, e.Changed) = (post.Info.AuthorId, inNetwork, post.Info.ReplyToId, post.Info.HasMedia, post, true);
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
            built[i] = !e.Changed && _lightScores is null ? c : c with
            {
                AuthorId = e.AuthorId, InNetwork = e.InNetwork, ReplyToId = e.ReplyToId, HasMedia = e.HasMedia, Post = e.Post,
                Author = e.Author, SocialProof = e.SocialProof, LightScore = _lightScores?[i] ?? c.LightScore,
            };
        }

        return built;
    }

    private struct Entry
    {
        public long AuthorId;
        public bool InNetwork;
        public long? ReplyToId;
        public bool HasMedia;
        public PostFacts? Post;
        public AuthorFacts? Author;
        public IReadOnlyList<long> SocialProof;
        public bool Changed;
    }
}

using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Runtime;

namespace Recsys.Grains.Timeline.CandidateSources;

/// <summary>
/// In-network: the viewer's inbox plus posts pulled from large followees (<see cref="IUserGrain.GetInNetworkCandidates"/>),
/// over the last 24 h (48 h for light and new users), up to 600 (algorithm.md 1.2). A followee's repost enters as
/// the original post, its author still unknown, with the reposter as social proof.
/// </summary>
public sealed class InNetworkCandidateSource(IGrainFactory grains) : ICandidateSource
{
    public static readonly CandidateSourceId SourceId = new("InNetwork");

    private static readonly HashSet<UserState> LongerWindow =
        [UserState.New, UserState.NearZero, UserState.VeryLight, UserState.Light, UserState.MediumNonTweeter, UserState.MediumTweeter];

    public CandidateSourceId Id => SourceId;

    public async Task<IReadOnlyList<Candidate>> FetchAsync(TimelineQuery query, CancellationToken cancellation)
    {
        var window = LongerWindow.Contains(query.Viewer.State) ? query.Params.InNetworkLightUserWindow : query.Params.InNetworkWindow;
        var found = await grains.GetGrain<IUserGrain>(query.ViewerId).GetInNetworkCandidates(query.Now - window, query.Params.InNetworkMaxCandidates);
        var candidates = new Candidate[found.Entries.Count];
        var signalsOf = new Dictionary<long, SourceSignals>(); // one per followee: they depend on the author alone
        for (var i = 0; i < candidates.Length; i++)
        {
            var e = found.Entries[i];
            if (!signalsOf.TryGetValue(e.AuthorId, out var signals))
            {
                signalsOf[e.AuthorId] = signals = new SourceSignals(EngagementCounts.Zero, query.Viewer.RealGraph(e.AuthorId), 0, 0);
            }

            candidates[i] = e.RepostOfId is { } original
                ? new Candidate
                {
                    PostId = original, Source = SourceId, InNetwork = true, CreatedAt = e.CreatedAt, ReposterId = e.AuthorId,
                    SocialProof = [e.AuthorId], Signals = signals,
                }
                : new Candidate
                {
                    PostId = e.PostId, AuthorId = e.AuthorId, Source = SourceId, InNetwork = true, CreatedAt = e.CreatedAt,
                    ReplyToId = e.ReplyToId, HasMedia = e.HasMedia, Signals = signals,
                };
        }

        return candidates;
    }
}

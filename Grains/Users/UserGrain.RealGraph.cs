using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Models;
using Recsys.Grains.RealGraph;

namespace Recsys.Grains.Users;

/// <summary>
/// RealGraph (issue 6): interactions toward other accounts are counted as the user's engagements are applied and
/// as follows change (decayed lazily by day, no timers); scores come from the active model (the timeline's viewer graph is
/// kept per day, model and change of edges or relations: <see cref="ViewerGraph"/>).
/// </summary>
public sealed partial class UserGrain
{
    private const string NotACandidate = "no interaction and no follow";

    private readonly ViewerGraph.Memo _viewerGraph = new();

    public Task<RealGraphView> GetRealGraph(int max)
    {
        RequireCreated("id");
        var now = Now;
        var head = RealGraphHead;
        return Task.FromResult(new RealGraphView(Id, now, ModelId(head), RealGraphRanking.Top(RealGraphCandidates(), head, now, RealGraphSettings, max)));
    }

    public Task<RealGraphExplanation> ExplainRealGraph(long targetId)
    {
        RequireCreated("id");
        var head = RealGraphHead;
        var edge = state.State.RealGraph.Find(targetId);
        var followed = Social.Follows.Contains(targetId);
        var excluded = IsNegativeEdge(targetId) ? "blocked, muted or reported" : edge is null && !followed ? NotACandidate : null;
        var (score, terms) = RealGraphRanking.Explain(edge, head, Now, RealGraphSettings);
        score = excluded is null ? score : 0;
        return Task.FromResult(new RealGraphExplanation(Id, targetId, ModelId(head), score, RealGraphScale.ToTimelineWeight(score), followed,
            excluded, head.Head.Intercept.Weight, terms));
    }

    private RealGraphOptions RealGraphSettings => ServiceProvider.GetRequiredService<IOptions<RealGraphOptions>>().Value;

    private CompiledHead RealGraphHead => ServiceProvider.GetRequiredService<ModelCatalog>().Active(RealGraphOptions.ModelName, RealGraphOptions.HeadName);

    private static string ModelId(CompiledHead head) => $"{head.Model.Name}/{head.Model.Version}";

    /// <summary>The viewer's graph as of <paramref name="now"/>'s day: kept from the last read unless something it depends on changed.</summary>
    private ViewerGraph ViewerGraphNow(DateTimeOffset now)
    {
        var (head, settings) = (RealGraphHead, RealGraphSettings);
        var inputs = new ViewerGraph.Inputs(RealGraphDay.Of(now), head, settings, state.State.RealGraph, state.State.RealGraph.Version,
            Social, Social.RelationsVersion);
        return _viewerGraph.Get(inputs, () =>
        {
            var all = RealGraphRanking.Top(RealGraphCandidates(), head, now, settings, int.MaxValue);
            var followees = all.Where(e => e.Followed).ToDictionary(e => e.UserId, e => e.Score);
            var follows = Social.Follows.Present
                .Select(p => new FollowEdge(p.Key, new DateTimeOffset(p.Value, TimeSpan.Zero), followees.GetValueOrDefault(p.Key)))
                .OrderByDescending(f => f.Weight).ThenBy(f => f.UserId).ToArray();
            return new ViewerGraph(all.Take(settings.ViewerContextEdges).ToArray(), ModelId(head), follows,
                Social.Blocks.Present.Keys.Order().ToArray(), Social.Mutes.Present.Keys.Order().ToArray(), Social.Reports.Keys.Order().ToArray());
        });
    }

    private IEnumerable<RealGraphRanking.Candidate> RealGraphCandidates()
    {
        var edges = state.State.RealGraph.Edges;
        foreach (var (id, edge) in edges)
        {
            if (!IsNegativeEdge(id))
            {
                yield return new RealGraphRanking.Candidate(id, edge, Social.Follows.Contains(id));
            }
        }

        foreach (var id in Social.Follows.Present.Keys)
        {
            if (!edges.ContainsKey(id) && !IsNegativeEdge(id))
            {
                yield return new RealGraphRanking.Candidate(id, null, true);
            }
        }
    }

    // The published candidate query removes the negative-edge snapshot: blocks, mutes, reports.
    private bool IsNegativeEdge(long id) => Social.Blocks.Contains(id) || Social.Mutes.Contains(id) || Social.Reports.ContainsKey(id);

    /// <summary>Called as an engagement made by this user is applied.</summary>
    private void RecordRealGraph(LoggedEngagement e)
    {
        if (InteractionMapping.Of(e) is { } interaction)
        {
            InteractionRecorder.Record(state.State.RealGraph, interaction.Destination, interaction.Type, interaction.Amount, e.Time, RealGraphSettings);
        }
    }

    /// <summary>Called when a follow or unfollow actually changed the social graph.</summary>
    private void RecordRealGraph(long destination, InteractionType type, DateTimeOffset at) =>
        InteractionRecorder.Record(state.State.RealGraph, destination, type, 1, at, RealGraphSettings);
}

using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Models;
using Recsys.Grains.RealGraph;

namespace Recsys.Grains.Users;

/// <summary>
/// The part of a viewer's context that depends only on its relations (follows, blocks, mutes, reports), its RealGraph
/// edges, the RealGraph model and the day: its top RealGraph edges, its follows weighted by RealGraph (heaviest
/// first) and its blocks, mutes and reported users, sorted. Every For You request reads it; <see cref="Memo"/> keeps
/// it between requests.
/// </summary>
public sealed record ViewerGraph(IReadOnlyList<RealGraphEdgeScore> RealGraph, string RealGraphModel, FollowEdge[] Follows, long[] Blocks, long[] Mutes,
    long[] Reported)
{
    /// <summary>
    /// The last <see cref="ViewerGraph"/> built and what it was built from. RealGraph scores change only by day
    /// (interactions decay by whole days), so within a day the graph is rebuilt only when an edge, a relation or the
    /// model changed: ranking every edge and sorting the follows per request was a tenth of a refresh's allocation
    /// (issue 10). Inputs are compared by identity and change counter, never by content.
    /// </summary>
    public sealed class Memo
    {
        private Inputs _inputs;
        private ViewerGraph? _graph;

        public ViewerGraph Get(Inputs inputs, Func<ViewerGraph> build)
        {
            if (_graph is null || !_inputs.SameAs(inputs))
            {
                (_graph, _inputs) = (build(), inputs);
            }

            return _graph;
        }
    }

    /// <summary>What a <see cref="ViewerGraph"/> is built from.</summary>
    public readonly record struct Inputs(int Day, CompiledHead Head, RealGraphOptions Options, RealGraphState Edges, int EdgesVersion,
        SocialGraph Social, int RelationsVersion)
    {
        public bool SameAs(Inputs other) =>
            Day == other.Day && ReferenceEquals(Head, other.Head) && ReferenceEquals(Options, other.Options)
            && ReferenceEquals(Edges, other.Edges) && EdgesVersion == other.EdgesVersion
            && ReferenceEquals(Social, other.Social) && RelationsVersion == other.RelationsVersion;
    }
}

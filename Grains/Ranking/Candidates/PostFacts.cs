using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Ranking.Candidates;

/// <summary>
/// A post as hydration found it: its facts, the engagements it received (decayed counts), and its SimClusters
/// embedding when one is known (empty otherwise).
/// </summary>
/// <remarks>
/// What the heuristics and filters read of every candidate's post (author, creation time, the post replied to, labels) is
/// also kept here, set with <see cref="Info"/>: reading it then touches this object alone instead of this one, the
/// info and its label list, three cache misses per candidate on a refresh from the cache (issue 10). Built once per
/// post read and shared by every request that reads the post, so it costs no allocation per request.
/// </remarks>
public sealed record PostFacts(PostInfo Info, EngagementCounts Engagements, SparseVector Embedding)
{
    private readonly PostInfo _info = Info;
    private readonly Hot _hot = Hot.Of(Info);

    public PostInfo Info { get => _info; init => (_info, _hot) = (value, Hot.Of(value)); }

    public bool HasLink => Info.LinkCount > 0;

    /// <summary>As <see cref="PostInfo.AuthorId"/>.</summary>
    public long AuthorId => _hot.AuthorId;

    /// <summary>As <see cref="PostInfo.CreatedAt"/>.</summary>
    public DateTimeOffset CreatedAt => _hot.CreatedAt;

    /// <summary>As <see cref="PostInfo.IsReply"/>.</summary>
    public bool IsReply => _hot.ReplyToId != Hot.NoParent;

    /// <summary>As <see cref="PostInfo.ReplyToId"/>.</summary>
    public long? ReplyToId => _hot.ReplyToId == Hot.NoParent ? null : _hot.ReplyToId;

    public bool HasLabel(PostLabel label) => (_hot.Labels & Hot.Bit(label)) != 0;

    private readonly record struct Hot(long AuthorId, DateTimeOffset CreatedAt, long ReplyToId, int Labels)
    {
        public const long NoParent = long.MinValue; // no post has this id; a long? would take twice the room

        public static int Bit(PostLabel label) => 1 << (int)label;

        public static Hot Of(PostInfo info)
        {
            var labels = 0;
            foreach (var label in info.Labels)
            {
                labels |= Bit(label);
            }

            return new Hot(info.AuthorId, info.CreatedAt, info.ReplyToId ?? NoParent, labels);
        }
    }
}

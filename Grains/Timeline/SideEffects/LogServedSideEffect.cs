using Microsoft.Extensions.Options;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Training;
using Recsys.Grains.Training.ServedLog;

namespace Recsys.Grains.Timeline.SideEffects;

/// <summary>
/// Logs each served item for training: viewer, post, author, time, position, source, the model versions, and the
/// heavy ranker's feature vector as the ranking computed it (from the query it was scored with, an earlier request's for
/// a candidate reused from the cache, and the candidate's hydrated facts, not read again from the grains). Buffers only; <see cref="ServedLogWriter"/> writes off the request path.
/// Switched off by ServedLog:Enabled = false or by listing "SideEffect:LogServed" in ForYou:DisabledComponents.
/// </summary>
public sealed class LogServedSideEffect(ServedLogWriter writer, IOptions<ServedLogOptions> options) : ISideEffect
{
    public SideEffectId Id { get; } = new("LogServed");

    public void Run(ServedPage page)
    {
        if (page.Ranking is not { } ranking || !options.Value.Enabled || !page.Params.IsEnabled(Id.Scope))
        {
            return;
        }

        for (var i = 0; i < page.Items.Count; i++)
        {
            var c = page.Items[i];
            var (query, model) = ranking.ScoredWith(c.PostId);
            var features = new double[HeavyRankerFeatures.Count];
            HeavyRankerFeatures.Extract(c, query.Viewer, query.Now, features);
            writer.TryWrite(new ServedItem(
                ranking.RankedWith.Viewer.UserId, c.PostId, c.KnownAuthorId, page.Query.Now, ranking.FirstPosition + i, c.Source.Name, c.InNetwork,
                model.Version, ranking.LightModelVersion, features));
        }
    }
}

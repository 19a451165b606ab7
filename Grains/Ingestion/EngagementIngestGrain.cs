using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Errors;
using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Ingestion;

/// <summary>
/// Accepts engagement batches: validates each event (fields, then that its users and post exist), appends the
/// accepted ones to the event log in one transaction, and only then acknowledges; it delivers them to their Post
/// and User grains through the batchers before answering, but a failed delivery loses nothing: the grains replay
/// the log. A repeated event id is reported as a duplicate and never applied again.
/// </summary>
[StatelessWorker]
[Reentrant]
[GrainType("engagementingest")]
public sealed partial class EngagementIngestGrain(
    IEngagementLog log,
    EntityDirectory directory,
    IIngestionHooks hooks,
    IOptions<IngestionOptions> options,
    ILogger<EngagementIngestGrain> logger) : Grain, IEngagementIngestGrain
{
    public async Task<IngestResult> Ingest(IReadOnlyList<EngagementEvent> events)
    {
        if (events.Count > options.Value.MaxBatchEvents)
        {
            throw new ValidationException("events", $"must have at most {options.Value.MaxBatchEvents} events (got {events.Count})");
        }

        var now = TimeProvider.GetUtcNow();
        var rejected = new List<RejectedEngagement>();
        var valid = new List<int>();
        for (var i = 0; i < events.Count; i++)
        {
            if (EngagementValidator.Validate(events[i], options.Value, now) is { } problem)
            {
                rejected.Add(new RejectedEngagement(i, $"events[{i}].{problem.Field}", problem.Problem));
            }
            else
            {
                valid.Add(i);
            }
        }

        var scratch = IngestScratch.Rent();
        try
        {
            var pending = await ResolveAsync(events, valid, rejected, scratch);
            var (unique, duplicates) = DistinctIds(pending, scratch.EventIds);
            var sequences = unique.Length == 0 ? [] : await log.AppendAsync(unique, now);
            var logged = new List<LoggedEngagement>(unique.Length);
            for (var i = 0; i < unique.Length; i++)
            {
                if (sequences[i] > 0)
                {
                    logged.Add(ToLogged(unique[i], sequences[i]));
                }
            }

            duplicates += unique.Length - logged.Count;

            await hooks.AfterAppendAsync(logged);
            await DeliverAsync(logged, scratch);
            rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
            return new IngestResult(logged.Count, duplicates, rejected);
        }
        finally
        {
            scratch.Return();
        }
    }

    private async Task<List<(int Index, PendingEngagement Pending)>> ResolveAsync(
        IReadOnlyList<EngagementEvent> events, List<int> valid, List<RejectedEngagement> rejected, IngestScratch scratch)
    {
        var (userIds, postIds) = (scratch.UserIds, scratch.PostIds);
        foreach (var i in valid)
        {
            userIds.Add(events[i].UserId);
            if (events[i].TargetUserId is { } target)
            {
                userIds.Add(target);
            }

            if (events[i].PostId is { } post)
            {
                postIds.Add(post);
            }
        }

        var (users, authors) = (scratch.ExistingUsers, scratch.PostAuthors);
        await directory.AddExistingUsersAsync(userIds, users);
        await directory.AddPostAuthorsAsync(postIds, authors);
        var pending = new List<(int, PendingEngagement)>(valid.Count);
        foreach (var i in valid)
        {
            var e = events[i];
            long? author = e.PostId is { } post && authors.TryGetValue(post, out var a) ? a : null;
            var problem = !users.Contains(e.UserId) ? ("userId", $"unknown user {e.UserId}")
                : e.TargetUserId is { } target && !users.Contains(target) ? ("targetUserId", $"unknown user {target}")
                : e.PostId is { } p && author is null ? ("postId", $"unknown post {p}")
                : default((string, string)?);
            if (problem is { } unknown)
            {
                rejected.Add(new RejectedEngagement(i, $"events[{i}].{unknown.Item1}", unknown.Item2));
                continue;
            }

            var subject = e.TargetUserId ?? author;
            var utc = e.Time.Offset == TimeSpan.Zero ? e : e with { Time = e.Time.ToUniversalTime() };
            pending.Add((i, new PendingEngagement(utc, subject == e.UserId ? null : subject)));
        }

        return pending;
    }

    private static (PendingEngagement[] Unique, int Duplicates) DistinctIds(List<(int Index, PendingEngagement Pending)> pending, HashSet<string> seen)
    {
        var unique = new List<PendingEngagement>(pending.Count);
        foreach (var (_, p) in pending)
        {
            if (seen.Add(p.Event.Id))
            {
                unique.Add(p);
            }
        }

        return (unique.ToArray(), pending.Count - unique.Count);
    }

    private static LoggedEngagement ToLogged(PendingEngagement p, long sequence) =>
        new(sequence, p.Event.Id, p.Event.UserId, p.Event.Action, p.Event.PostId, p.Event.TargetUserId, p.SubjectId, p.Event.Time, p.Event.Value)
        {
            Predecessors = p.Predecessors,
        };

    private async Task DeliverAsync(IReadOnlyList<LoggedEngagement> logged, IngestScratch scratch)
    {
        if (logged.Count == 0)
        {
            return;
        }

        // Grouped by target grain in one pass each (a batch holds up to three deliveries per event, so no LINQ
        // groupings here), into the scratch's dictionaries, which keep their capacity from batch to batch.
        var (posts, users) = (scratch.Posts, scratch.Users);
        for (var i = 0; i < logged.Count; i++)
        {
            var e = logged[i];
            if (e.PostId is { } post)
            {
                AddTo(posts, post, e);
            }

            AddTo(users, e.UserId, e);
            if (e.SubjectId is { } subject)
            {
                AddTo(users, subject, e);
            }
        }

        var toPosts = scratch.PostDeliveries();
        var toUsers = scratch.UserDeliveries();
        try
        {
            await Task.WhenAll(
                GrainFactory.GetGrain<IEngagementBatcherGrain>((long)EngagementTarget.Post).Deliver(toPosts),
                GrainFactory.GetGrain<IEngagementBatcherGrain>((long)EngagementTarget.User).Deliver(toUsers));
        }
        catch (Exception exception)
        {
            scratch.GiveUpDeliveries();
            Log.DeliveryFailed(logger, exception, logged.Count);
        }
    }

    private static void AddTo(Dictionary<long, IngestScratch.DeliveryGroup> groups, long target, LoggedEngagement e)
    {
        ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, target, out var exists);
        if (!exists)
        {
            group.First = e;
        }
        else
        {
            (group.More ??= [group.First]).Add(e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.DeliveryFailed, Level = LogLevel.Warning,
            Message = "Delivering {Count} logged engagements failed; the grains will replay them from the log")]
        public static partial void DeliveryFailed(ILogger logger, Exception exception, int count);
    }
}

using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Grains.Timeline;
using Recsys.Grains.Timeline.CandidateSources;

namespace Recsys.Grains.Tests.Timeline;

/// <summary>
/// A candidate source a test controls: by default it finds nothing; it can be made to throw, or to hang until the
/// pipeline gives up on it (signalling when it started, so a test can advance the manual clock past the timeout).
/// </summary>
public sealed class InjectedSource : ICandidateSource
{
    private TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public enum Mode
    {
        Empty,
        Throw,
        Hang,
    }

    public CandidateSourceId Id { get; } = new("Injected");

    public Mode Behaviour { get; set; }

    public int Cancelled { get; private set; }

    /// <summary>Completes when the next fetch starts.</summary>
    public Task Started => _started.Task;

    public async Task<IReadOnlyList<Candidate>> FetchAsync(TimelineQuery query, CancellationToken cancellation)
    {
        var started = _started;
        _started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        started.TrySetResult();
        switch (Behaviour)
        {
            case Mode.Throw:
                throw new InvalidOperationException("injected failure");
            case Mode.Hang:
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellation);
                }
                catch (OperationCanceledException)
                {
                    Cancelled++;
                    throw;
                }

                return [];
            default:
                return [];
        }
    }
}

namespace Recsys.Runtime.Storage.Schema;

/// <summary>
/// Runs an async initialisation once, on first use, however many callers race. A failed attempt is not cached:
/// the next caller tries again (the database may simply not have been up yet).
/// </summary>
internal sealed class AsyncOnce
{
    private readonly Func<CancellationToken, Task> _action;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public AsyncOnce(Func<CancellationToken, Task> action)
    {
        _action = action;
    }

    public Task EnsureAsync(CancellationToken cancellationToken) => _done ? Task.CompletedTask : RunAsync(cancellationToken);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await _action(cancellationToken).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}

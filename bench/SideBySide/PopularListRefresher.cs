using Npgsql;

namespace Recsys.Bench.SideBySide;

/// <summary>
/// Refreshes the materialised popular list on a timer while the PostgreSQL version serves, as a deployment would
/// (a cron job or pg_cron every minute), so its cost is part of what the measured run pays: once when started, then
/// every interval.
/// </summary>
public sealed class PopularListRefresher : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public PopularListRefresher(NpgsqlDataSource db, TimeSpan interval) => _loop = RunAsync(db, interval, _stop.Token);

    public int Refreshes { get; private set; }

    private async Task RunAsync(NpgsqlDataSource db, TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                await using var command = db.CreateCommand(PostgresForYouSchema.RefreshPopularSql);
                await command.ExecuteNonQueryAsync(stop);
                Refreshes++;
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped with the run.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}

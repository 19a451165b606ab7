using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Recsys.Grains.Training.ServedLog;
using Recsys.Runtime.Testing;
using static Recsys.Grains.Tests.Training.TrainingData;

namespace Recsys.Grains.Tests.Training;

[Trait("Category", "BVT")]
[Trait("Area", "Training")]
public sealed class ServedLogWriterTests
{
    [Fact]
    public async Task Items_wait_in_the_buffer_until_a_flush_writes_them_in_batches()
    {
        var log = new CountingLog();
        var writer = Writer(log, capacity: 100, batch: 2);

        for (var i = 0; i < 5; i++)
        {
            writer.TryWrite(Served(1, i));
        }

        Assert.Empty(log.Batches); // buffering never writes on the caller's path
        await writer.FlushAsync();

        Assert.Equal([2, 2, 1], log.Batches);
        Assert.Equal(5, writer.Written);
    }

    [Fact]
    public async Task A_full_buffer_drops_new_items_and_counts_them_and_a_failed_write_is_counted_not_thrown()
    {
        var log = new CountingLog();
        var writer = Writer(log, capacity: 3, batch: 3);
        for (var i = 0; i < 5; i++)
        {
            writer.TryWrite(Served(1, i));
        }

        log.Fail = true;
        await writer.FlushAsync();

        Assert.Equal(2, writer.Dropped);
        Assert.Equal(3, writer.Failed);
        Assert.Equal(0, writer.Written);
    }

    [Fact]
    public async Task Stopping_writes_what_is_buffered()
    {
        var log = new CountingLog();
        var writer = Writer(log, capacity: 100, batch: 50);
        await writer.StartAsync(CancellationToken.None);
        writer.TryWrite(Served(1, 1));
        writer.TryWrite(Served(1, 2));

        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(2, log.Batches.Sum());
    }

    private static ServedLogWriter Writer(IServedLog log, int capacity, int batch) =>
        new(log, Options.Create(new ServedLogOptions { BufferCapacity = capacity, BatchSize = batch }), new ManualTimeProvider(Start), NullLogger<ServedLogWriter>.Instance);

    private sealed class CountingLog : IServedLog
    {
        public List<int> Batches { get; } = [];

        public bool Fail { get; set; }

        public Task AppendAsync(IReadOnlyList<Grains.Training.ServedItem> items, CancellationToken cancellationToken = default)
        {
            if (Fail)
            {
                throw new IOException("disk full");
            }

            Batches.Add(items.Count);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<ServedLogRow>> ReadAsync(DateTimeOffset from, DateTimeOffset to, long afterId, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ServedLogRow>>([]);

        public Task<int> PruneAsync(DateTimeOffset servedBefore, CancellationToken cancellationToken = default) => Task.FromResult(0);
    }
}

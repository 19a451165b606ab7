using System.Collections.Concurrent;
using Npgsql;

namespace Recsys.Runtime.Storage.Postgres;

/// <summary>
/// One NpgsqlDataSource (one connection pool) per connection string, shared by every PostgreSQL provider and
/// table in the container, and disposed with it.
/// </summary>
internal sealed class NpgsqlDataSourceCache : IDisposable, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<NpgsqlDataSource>> _sources = new(StringComparer.Ordinal);

    public NpgsqlDataSource Get(string connectionString) =>
        _sources.GetOrAdd(connectionString, static cs => new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(cs))).Value;

    public void Dispose()
    {
        foreach (var source in Created())
        {
            source.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in Created())
        {
            await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    private IEnumerable<NpgsqlDataSource> Created() =>
        _sources.Values.Where(lazy => lazy.IsValueCreated).Select(lazy => lazy.Value);
}

using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Recsys.Grains.Sample;

namespace Recsys.Bench.SideBySide;

/// <summary>
/// Loads a generated data set into the PostgreSQL-only For You with binary COPY: tables first, then the indexes
/// and the popular list over the loaded rows. Engagements go through the counting trigger, so the counters are the
/// ingest path's and not a separate bulk computation. Logins (no post) are left out: no query reads them.
/// </summary>
public static class PostgresForYouLoader
{
    public static async Task LoadAsync(NpgsqlDataSource db, SampleDataSet data, IReadOnlyList<UserBlock> blocks, PostgresForYouParams p)
    {
        var clock = Stopwatch.StartNew();
        await PostgresForYouSchema.CreateAsync(db);
        await using var connection = await db.OpenConnectionAsync();
        await Copy(connection, "users (id, verified)", data.Users, async (w, u) =>
        {
            await w.WriteAsync(u.Profile.Id, NpgsqlDbType.Bigint);
            await w.WriteAsync(u.Profile.Verified, NpgsqlDbType.Boolean);
        });
        await Copy(connection, "follows (follower_id, followee_id)", data.Follows, async (w, f) =>
        {
            await w.WriteAsync(f.FollowerId, NpgsqlDbType.Bigint);
            await w.WriteAsync(f.FolloweeId, NpgsqlDbType.Bigint);
        });
        await Copy(connection, "blocks (blocker_id, blocked_id)", blocks, async (w, b) =>
        {
            await w.WriteAsync(b.BlockerId, NpgsqlDbType.Bigint);
            await w.WriteAsync(b.BlockedId, NpgsqlDbType.Bigint);
        });
        await Copy(connection, "posts (id, author_id, created_at, is_reply, has_media)", data.Posts, async (w, s) =>
        {
            await w.WriteAsync(s.Post.Id, NpgsqlDbType.Bigint);
            await w.WriteAsync(s.Post.AuthorId, NpgsqlDbType.Bigint);
            await w.WriteAsync(s.Post.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(s.Post.ReplyToId is not null, NpgsqlDbType.Boolean);
            await w.WriteAsync(s.Post.HasMedia, NpgsqlDbType.Boolean);
        });
        await Copy(connection, "engagements (user_id, post_id, action, at, value)", data.Engagements.Where(e => e.PostId is not null).ToArray(), async (w, e) =>
        {
            await w.WriteAsync(e.UserId, NpgsqlDbType.Bigint);
            await w.WriteAsync(e.PostId!.Value, NpgsqlDbType.Bigint);
            await w.WriteAsync((short)e.Action, NpgsqlDbType.Smallint);
            await w.WriteAsync(e.Time.UtcDateTime, NpgsqlDbType.TimestampTz);
            if (e.Value is { } value)
            {
                await w.WriteAsync((float)value, NpgsqlDbType.Real);
            }
            else
            {
                await w.WriteNullAsync();
            }
        });
        Console.WriteLine($"side-by-side: PostgreSQL rows copied at {clock.Elapsed.TotalSeconds:F0} s");
        await PostgresForYouSchema.CreateIndexesAsync(db, p);
        Console.WriteLine($"side-by-side: PostgreSQL indexes, popular list and statistics built at {clock.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task Copy<T>(NpgsqlConnection connection, string table, IReadOnlyList<T> rows, Func<NpgsqlBinaryImporter, T, Task> write)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {PostgresForYouSchema.Name}.{table} FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            await write(importer, row);
        }

        await importer.CompleteAsync();
    }
}

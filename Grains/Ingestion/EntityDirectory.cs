using System.Collections.Concurrent;
using Recsys.Grains.Fanout;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;

namespace Recsys.Grains.Ingestion;

/// <summary>
/// Answers "does this user exist" and "who wrote this post" for ingestion, remembering positive answers per silo
/// (users and posts are never deleted, and a post's author never changes), so a hot post is asked once, not once
/// per engagement. Negative answers are asked again: the entity may be created a moment later.
/// </summary>
public sealed class EntityDirectory(IGrainFactory grains)
{
    /// <summary>Remembered entities per kind before the memory is cleared and refilled.</summary>
    public const int Capacity = 1_000_000;

    private const int MaxParallelLookups = 256;

    private readonly ConcurrentDictionary<long, bool> _users = new();
    private readonly ConcurrentDictionary<long, long> _postAuthors = new();

    /// <summary>Adds to <paramref name="existing"/> the users among <paramref name="userIds"/> that exist.</summary>
    /// <remarks>The caller's collections, not new ones: ingestion reuses them from batch to batch (<see cref="IngestScratch"/>).</remarks>
    public async Task AddExistingUsersAsync(IEnumerable<long> userIds, HashSet<long> existing)
    {
        // One pass; only the ids not remembered yet are asked (issue 6: this runs for every event of every batch).
        HashSet<long>? unknown = null;
        foreach (var id in userIds)
        {
            if (_users.ContainsKey(id))
            {
                existing.Add(id);
            }
            else
            {
                (unknown ??= []).Add(id);
            }
        }

        if (unknown is null)
        {
            return;
        }

        var asked = unknown.ToArray();
        var found = await BoundedParallel.SelectAsync(asked, MaxParallelLookups, id => grains.GetGrain<IUserGrain>(id).Exists());
        var created = asked.Where((_, i) => found[i]).ToArray();
        existing.UnionWith(created);
        Remember(_users, created.Select(id => KeyValuePair.Create(id, true)));
    }

    /// <summary>Adds to <paramref name="authors"/> the author of each post among <paramref name="postIds"/> that exists.</summary>
    public async Task AddPostAuthorsAsync(IEnumerable<long> postIds, Dictionary<long, long> authors)
    {
        HashSet<long>? unknown = null;
        foreach (var id in postIds)
        {
            if (_postAuthors.TryGetValue(id, out var author))
            {
                authors[id] = author;
            }
            else
            {
                (unknown ??= []).Add(id);
            }
        }

        if (unknown is null)
        {
            return;
        }

        var infos = (await BoundedParallel.SelectAsync(unknown.ToArray(), MaxParallelLookups, id => grains.GetGrain<IPostGrain>(id).TryGetInfo())).OfType<PostInfo>().ToArray();
        foreach (var info in infos)
        {
            authors[info.Id] = info.AuthorId;
        }

        Remember(_postAuthors, infos.Select(info => KeyValuePair.Create(info.Id, info.AuthorId)));
    }

    private static void Remember<TValue>(ConcurrentDictionary<long, TValue> cache, IEnumerable<KeyValuePair<long, TValue>> entries)
    {
        if (cache.Count > Capacity)
        {
            cache.Clear();
        }

        foreach (var (key, value) in entries)
        {
            cache[key] = value;
        }
    }
}

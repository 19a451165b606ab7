using Recsys.Runtime;

namespace Recsys.Grains.Interfaces.Admin;

/// <summary>
/// Admin reads for clients that reach the cluster through a gateway (the `recsys` command line), the same view as
/// GET /api/admin/grains/{type}/{key}. A stateless worker: use key 0. An unknown type is a ValidationException on
/// "type" listing the known ones; a key of the wrong kind one on "key".
/// </summary>
public interface IAdminGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// A JSON object: the grain's type and canonical key, each persistent state as storage holds it (name, storage,
    /// eTag, modifiedOn, state) and, for grains that describe themselves and when <paramref name="live"/>, the live
    /// summary of the activation (which activates the grain).
    /// </summary>
    Task<string> ReadGrain(string type, string key, bool live);

    /// <summary>The grain types the silo hosts, by name.</summary>
    Task<IReadOnlyList<string>> GetGrainTypes();
}

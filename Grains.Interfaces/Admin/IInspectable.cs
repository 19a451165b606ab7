using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Interfaces.Admin;

/// <summary>
/// A grain that can describe its live, in-memory state for the admin view (GET /api/admin/grains/{type}/{key}),
/// beside what its storage holds: things that are never persisted, such as the in-network inbox.
/// </summary>
public interface IInspectable : IGrain
{
    /// <summary>A JSON object describing the activation's live state.</summary>
    [AlwaysInterleave]
    Task<string> Inspect();
}

using System.Text.Json;

namespace Recsys.Silo.Api.Contracts;

/// <summary>GET /api/admin/grains/{type}/{key}: what storage holds for each of the grain's states, and its live summary.</summary>
public sealed record GrainStateResponse(string Type, string Key, IReadOnlyList<StoredState> Stored, JsonElement? Live);

/// <summary>One persistent state: its name, provider, version and JSON (null when nothing was ever written).</summary>
public sealed record StoredState(string Name, string Storage, string? ETag, DateTimeOffset? ModifiedOn, JsonElement? State);

/// <summary>GET /api/admin/jobs: the known job names and the recent runs.</summary>
public sealed record JobsResponse(IReadOnlyList<string> Jobs, IReadOnlyList<Grains.Interfaces.Admin.JobInfo> Runs);

/// <summary>PUT/DELETE on a relation: whether anything changed.</summary>
public sealed record RelationResponse(bool Changed);

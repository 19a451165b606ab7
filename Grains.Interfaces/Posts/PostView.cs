using Recsys.Grains.Interfaces.Aggregates;

namespace Recsys.Grains.Interfaces.Posts;

/// <summary>A post with the engagements it received (GET /api/posts/{id}).</summary>
public sealed record PostView(PostInfo Post, AggregateView Engagements, long AppliedThrough);

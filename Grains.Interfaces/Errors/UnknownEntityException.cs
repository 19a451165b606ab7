namespace Recsys.Grains.Interfaces.Errors;

/// <summary>
/// A request named a user, post or job that does not exist (a user or post exists once created by POST or import).
/// <see cref="Field"/> is the request field that carried the id, so the HTTP API can answer 400 naming it.
/// </summary>
public sealed class UnknownEntityException : Exception
{
    public UnknownEntityException(EntityKind kind, long id, string field)
        : base($"{field}: unknown {kind.ToString().ToLowerInvariant()} {id}")
    {
        Kind = kind;
        Id = id;
        Field = field;
    }

    public EntityKind Kind { get; }

    public long Id { get; }

    public string Field { get; }
}

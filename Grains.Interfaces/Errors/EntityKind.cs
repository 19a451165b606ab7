namespace Recsys.Grains.Interfaces.Errors;

/// <summary>The kinds of entity a request can name by id.</summary>
public enum EntityKind
{
    User,
    Post,
    Job,
}

namespace Recsys.Runtime.Membership;

/// <summary>A silo's status in the membership table (Orleans' values, as stored).</summary>
public enum SiloStatus
{
    None = 0,
    Created = 1,
    Joining = 2,
    Active = 3,
    ShuttingDown = 4,
    Stopping = 5,
    Dead = 6,
}

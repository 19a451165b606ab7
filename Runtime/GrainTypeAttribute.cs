namespace Recsys.Runtime;

/// <summary>Pins the durable type name of a grain class (used in grain ids, storage rows and reminders).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute : Attribute
{
    public GrainTypeAttribute(string name) => Name = name;

    public string Name { get; }
}

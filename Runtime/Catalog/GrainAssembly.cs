using System.Reflection;

namespace Recsys.Runtime.Catalog;

/// <summary>An assembly whose grain classes a silo hosts (registered by the silo builder).</summary>
public sealed record GrainAssembly(Assembly Assembly);

namespace Recsys.Runtime;

/// <summary>Marks an interface as a grain interface: calls to it go through the runtime.</summary>
public interface IGrain
{
}

/// <summary>A grain whose key is a 64-bit integer.</summary>
public interface IGrainWithIntegerKey : IGrain
{
}

/// <summary>A grain whose key is a string.</summary>
public interface IGrainWithStringKey : IGrain
{
}

/// <summary>A grain whose key is a Guid.</summary>
public interface IGrainWithGuidKey : IGrain
{
}

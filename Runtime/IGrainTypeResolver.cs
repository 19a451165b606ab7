namespace Recsys.Runtime;

/// <summary>Maps a grain interface to the durable type name of the class that implements it.</summary>
public interface IGrainTypeResolver
{
    string GetGrainType(Type interfaceType);
}

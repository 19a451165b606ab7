using System.Reflection;

namespace Recsys.Grains;

/// <summary>Names this assembly for the silo builder: every grain class in it is hosted.</summary>
public static class GrainsAssembly
{
    public static Assembly Assembly => typeof(GrainsAssembly).Assembly;
}

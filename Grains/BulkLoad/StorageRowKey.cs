using System.Globalization;
using Recsys.Runtime;

namespace Recsys.Grains.BulkLoad;

/// <summary>
/// Where a grain state lives in recsys_grain_storage, computed as the runtime's storage providers compute it
/// (sql/postgresql/001_grain_storage.sql documents the layout; Runtime/Storage/GrainStorageKey.cs is the code):
/// graintypestring = type + '.' + state; a canonical long key in grainidn1; a canonical "N" Guid with a non-zero
/// first half in n0/n1; any other key in the extension; grainidhash = the grain id's uniform hash; graintypehash =
/// FNV-1a of the type string. The bulk-load equality test reads rows written here back through the real providers.
/// </summary>
public readonly record struct StorageRowKey(string TypeString, long N0, long N1, string? Extension, int GrainIdHash, int TypeHash)
{
    public static StorageRowKey Of(GrainId grainId, string stateName)
    {
        var key = grainId.Key;
        var typeString = grainId.Type + "." + stateName;
        long n0 = 0, n1 = 0;
        string? extension = null;
        if (long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) && key == id.ToString(CultureInfo.InvariantCulture))
        {
            n1 = id;
        }
        else if (Guid.TryParseExact(key, "N", out var guid) && key == guid.ToString("N")
            && long.Parse(key.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) is var high and not 0)
        {
            n0 = high;
            n1 = long.Parse(key.AsSpan(16, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        else
        {
            extension = key;
        }

        return new StorageRowKey(typeString, n0, n1, extension, unchecked((int)grainId.GetUniformHashCode()), Fnv1a(typeString));
    }

    private static int Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return unchecked((int)hash);
    }
}

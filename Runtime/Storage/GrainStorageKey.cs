using System.Globalization;

namespace Recsys.Runtime.Storage;

/// <summary>
/// Where one grain state lives in the OrleansStorage-shaped table: the type string (grain type + '.' + state name)
/// and the key split into two 64-bit halves and an extension string. Every provider, the in-memory one included,
/// goes through this so that all three accept and refuse exactly the same identities.
/// </summary>
internal readonly record struct GrainStorageKey(
    string TypeString,
    long N0,
    long N1,
    string? Extension,
    int GrainIdHash,
    int TypeHash)
{
    /// <summary>The varchar limit of graintypestring and grainidextensionstring.</summary>
    public const int MaxColumnLength = 512;

    /// <summary>The extension as the unique index sees it (coalesce(extension, '')).</summary>
    public string ExtensionOrEmpty => Extension ?? string.Empty;

    public static GrainStorageKey Create(GrainId grainId, string stateName)
    {
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The grain id is the default value.", nameof(grainId));
        }

        ArgumentException.ThrowIfNullOrEmpty(stateName);
        if (stateName.Contains('.'))
        {
            // graintypestring is type + '.' + state; a dot in the state name would make two pairs collide.
            throw new ArgumentException($"State name '{stateName}' may not contain '.'.", nameof(stateName));
        }

        var key = grainId.Key;
        if (key.Length == 0)
        {
            // coalesce(extension, '') in the unique index cannot tell an empty string key from the long 0.
            throw new ArgumentException($"Grain {grainId} has an empty key, which grain storage cannot hold.", nameof(grainId));
        }

        var typeString = grainId.Type + "." + stateName;
        if (typeString.Length > MaxColumnLength)
        {
            throw new ArgumentException($"Grain type plus state name '{typeString}' is longer than {MaxColumnLength} characters.", nameof(stateName));
        }

        long n0 = 0, n1 = 0;
        string? extension = null;
        if (TryParseCanonicalLong(key, out var longKey))
        {
            n1 = longKey;
        }
        else if (TryParseCanonicalGuidHalves(key, out var high, out var low) && high != 0)
        {
            // A zero first half would land on (0, n1) and collide with a long key, so such Guids go to the extension.
            n0 = high;
            n1 = low;
        }
        else
        {
            if (key.Length > MaxColumnLength)
            {
                throw new ArgumentException($"Grain key of {grainId} is longer than {MaxColumnLength} characters.", nameof(grainId));
            }

            extension = key;
        }

        return new GrainStorageKey(typeString, n0, n1, extension, unchecked((int)grainId.GetUniformHashCode()), StableHash(typeString));
    }

    // Only the canonical text of a long counts ("007" and "-0" stay strings), so every key string maps to one row.
    private static bool TryParseCanonicalLong(string key, out long value) =>
        long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
        && string.Equals(key, value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static bool TryParseCanonicalGuidHalves(string key, out long high, out long low)
    {
        high = low = 0;
        if (!Guid.TryParseExact(key, "N", out var guid) || !string.Equals(key, guid.ToString("N"), StringComparison.Ordinal))
        {
            return false;
        }

        // Hex parsing into a signed type reads 16 digits as two's complement, so each half is one bigint.
        high = long.Parse(key.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        low = long.Parse(key.AsSpan(16, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return true;
    }

    // FNV-1a over UTF-16 code units: stable across processes, unlike string.GetHashCode.
    private static int StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return unchecked((int)hash);
    }
}

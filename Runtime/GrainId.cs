using System.Globalization;

namespace Recsys.Runtime;

/// <summary>
/// The identity of a grain: its type name and its key. Keys are kept in a canonical string form: a long as
/// invariant decimal, a Guid as 32 hex digits ("N"), a string as itself. The text form is "type/key".
/// </summary>
public readonly struct GrainId : IEquatable<GrainId>
{
    private readonly string? _key; // null for an id made from a number: its text is made when asked for
    private readonly long _integerKey;
    private readonly int _hash;
    private readonly bool _hasIntegerKey;

    public GrainId(string type, string key)
    {
        Type = InternType(type);
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        _hasIntegerKey = TryParseCanonicalInteger(key, out _integerKey);
        _hash = _hasIntegerKey ? HashCode.Combine(Type.GetHashCode(), _integerKey) : HashCode.Combine(Type.GetHashCode(), key.GetHashCode());
    }

    // An integer key is kept beside its text (issue 6): equality between two such ids compares the numbers, not the
    // strings (the dictionary hit's key string was a cache miss on every call routed), and GetIntegerKey does not
    // parse. Ids read from text (a message, "type/5") get the number too when the key is in canonical form, so that
    // they meet the factory's ids on the fast path; the text stays the identity ("type/05" is another grain).
    // The type name is interned already here (the grain factory's cached names, issue 6): string.Intern is a lookup
    // in the runtime's intern table, paid on every GetGrain otherwise. The key's text is not made at all until asked
    // for (a storage key, a message): routing and equality use the number, and the ingest path made a string per call.
    private GrainId(string internedType, long key)
    {
        Type = internedType;
        _hash = HashCode.Combine(Type.GetHashCode(), key);
        _integerKey = key;
        _hasIntegerKey = true;
    }

    public string Type { get; }

    /// <summary>The key's canonical text (made on each read for an id created from a number).</summary>
    public string Key => _key ?? (_hasIntegerKey ? _integerKey.ToString(CultureInfo.InvariantCulture) : null!);

    public bool IsDefault => Type is null;

    public static GrainId Create(string type, long key) => new(InternType(type), key);

    /// <summary>As <see cref="Create(string, long)"/> for a type name that came from <see cref="string.Intern"/> and was validated.</summary>
    internal static GrainId CreateInterned(string internedType, long key) => new(internedType, key);

    public static GrainId Create(string type, Guid key) => new(type, key.ToString("N"));

    public static GrainId Create(string type, string key) => new(type, key);

    /// <summary>Parses the "type/key" form written by <see cref="ToString"/>.</summary>
    public static GrainId Parse(string text)
    {
        var slash = text.IndexOf('/');
        if (slash <= 0)
        {
            throw new FormatException($"'{text}' is not a grain id of the form type/key.");
        }

        return new GrainId(text[..slash], text[(slash + 1)..]);
    }

    private static string InternType(string type)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        if (type.Contains('/'))
        {
            throw new ArgumentException("A grain type name may not contain '/'.", nameof(type));
        }

        return string.Intern(type);
    }

    // Exactly the strings long.ToString(InvariantCulture) produces: digits, an optional '-', no leading zero, no "-0".
    private static bool TryParseCanonicalInteger(string key, out long value)
    {
        value = 0;
        var digits = key.AsSpan(key.StartsWith('-') ? 1 : 0);
        if (digits.IsEmpty || digits.Length > 19 || (digits[0] == '0' && key.Length > 1) || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        return long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public long GetIntegerKey()
    {
        if (_hasIntegerKey)
        {
            return _integerKey;
        }

        // A non-canonical number ("05", "+5") still reads as one, as it always has.
        return long.TryParse(Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"Grain {this} does not have an integer key.");
    }

    public Guid GetGuidKey() => Guid.TryParseExact(Key, "N", out var value)
        ? value
        : throw new InvalidOperationException($"Grain {this} does not have a Guid key.");

    /// <summary>A hash that is the same in every process and every run: placement rings and storage use it.</summary>
    public uint GetUniformHashCode()
    {
        uint hash = 2166136261;
        foreach (var c in Type)
        {
            hash = (hash ^ c) * 16777619;
        }

        hash = (hash ^ '/') * 16777619;
        Span<char> digits = stackalloc char[20];
        var key = _key is null && _hasIntegerKey && _integerKey.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture)
            ? digits[..length]
            : Key.AsSpan();
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619;
        }

        // final avalanche so that sequential keys spread over the ring
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >> 16;
        return hash;
    }

    // A canonical integer's text always parses back to the number, so an id with a number never equals one without.
    public bool Equals(GrainId other) =>
        _hash == other._hash && ReferenceEquals(Type, other.Type) && _hasIntegerKey == other._hasIntegerKey
        && (_hasIntegerKey ? _integerKey == other._integerKey : string.Equals(_key, other._key, StringComparison.Ordinal));

    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);

    public override int GetHashCode() => _hash;

    public override string ToString() => Type + "/" + Key;

    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);
}

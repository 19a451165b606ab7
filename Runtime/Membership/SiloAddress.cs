using System.Globalization;
using System.Net;

namespace Recsys.Runtime.Membership;

/// <summary>
/// A silo's identity: its silo-to-silo endpoint plus a generation (its start epoch), so a restarted process on the
/// same port is a new silo, and a silo declared dead never comes back. Text form "host:port@generation".
/// </summary>
public sealed class SiloAddress : IEquatable<SiloAddress>, IComparable<SiloAddress>
{
    private readonly string _text;

    public SiloAddress(IPEndPoint endpoint, int generation)
    {
        Endpoint = endpoint;
        Generation = generation;
        _text = $"{endpoint.Address}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}@{generation.ToString(CultureInfo.InvariantCulture)}";
        RingHash = ComputeRingHash(_text);
    }

    public IPEndPoint Endpoint { get; }

    public int Generation { get; }

    /// <summary>The silo's point on the consistent-hash ring that partitions the grain directory.</summary>
    public uint RingHash { get; }

    public static SiloAddress Parse(string text)
    {
        var at = text.LastIndexOf('@');
        if (at < 0 || !IPEndPoint.TryParse(text[..at], out var endpoint) || !int.TryParse(text[(at + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var generation))
        {
            throw new FormatException($"'{text}' is not a silo address of the form host:port@generation.");
        }

        return new SiloAddress(endpoint, generation);
    }

    /// <summary>A generation for a silo starting now: seconds since 2024, so later starts get larger numbers.</summary>
    public static int NewGeneration(TimeProvider time) =>
        (int)((time.GetUtcNow() - new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalSeconds) ^ Random.Shared.Next(0, 1 << 10);

    public bool Equals(SiloAddress? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is SiloAddress other && Equals(other);

    public override int GetHashCode() => _text.GetHashCode(StringComparison.Ordinal);

    public int CompareTo(SiloAddress? other) => string.CompareOrdinal(_text, other?._text);

    public override string ToString() => _text;

    private static uint ComputeRingHash(string text)
    {
        uint hash = 2166136261;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        hash ^= hash >> 15;
        hash *= 0x2c1b3c6d;
        hash ^= hash >> 12;
        return hash;
    }
}

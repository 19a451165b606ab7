using Recsys.Runtime.Membership;

namespace Recsys.Runtime.GrainDirectory;

/// <summary>
/// The membership ring that partitions the grain directory: each active silo owns several points (virtual nodes,
/// for balance with few silos); a grain's directory owner is the first point at or after its uniform hash.
/// </summary>
internal sealed class ConsistentRing
{
    private const int PointsPerSilo = 32;
    private readonly uint[] _points;
    private readonly SiloAddress[] _owners;

    public ConsistentRing(IReadOnlyList<SiloAddress> silos)
    {
        var points = new List<(uint Point, SiloAddress Silo)>(silos.Count * PointsPerSilo);
        foreach (var silo in silos)
        {
            var h = silo.RingHash;
            for (var i = 0; i < PointsPerSilo; i++)
            {
                points.Add((h, silo));
                h = Mix(h + 0x9e3779b9u);
            }
        }

        points.Sort((a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : a.Silo.CompareTo(b.Silo));
        _points = points.Select(p => p.Point).ToArray();
        _owners = points.Select(p => p.Silo).ToArray();
    }

    public bool IsEmpty => _points.Length == 0;

    public SiloAddress? OwnerOf(uint hash)
    {
        if (_points.Length == 0)
        {
            return null;
        }

        var index = Array.BinarySearch(_points, hash);
        if (index < 0)
        {
            index = ~index;
        }

        return _owners[index == _points.Length ? 0 : index];
    }

    public SiloAddress? OwnerOf(GrainId grainId) => OwnerOf(grainId.GetUniformHashCode());

    private static uint Mix(uint x)
    {
        x ^= x >> 16;
        x *= 0x7feb352d;
        x ^= x >> 15;
        x *= 0x846ca68b;
        x ^= x >> 16;
        return x;
    }
}

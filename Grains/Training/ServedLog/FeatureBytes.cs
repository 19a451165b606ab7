using System.Buffers.Binary;

namespace Recsys.Grains.Training.ServedLog;

/// <summary>A feature vector as stored in the log: little-endian float64 values, 8 bytes each (exact, and 184 bytes for 23).</summary>
public static class FeatureBytes
{
    public static byte[] Encode(IReadOnlyList<double> features)
    {
        var bytes = new byte[features.Count * sizeof(double)];
        for (var i = 0; i < features.Count; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), features[i]);
        }

        return bytes;
    }

    public static double[] Decode(ReadOnlySpan<byte> bytes)
    {
        var features = new double[bytes.Length / sizeof(double)];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * sizeof(double))..]);
        }

        return features;
    }
}

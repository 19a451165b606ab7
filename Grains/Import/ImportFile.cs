using System.IO.Compression;

namespace Recsys.Grains.Import;

/// <summary>Opens an input file as text, plain or gzip (told by the gzip magic bytes, whatever the extension).</summary>
public static class ImportFile
{
    private const int BufferSize = 1 << 16;

    public static TextReader OpenText(string path)
    {
        if (!File.Exists(path))
        {
            throw new ImportFormatException($"{path}: no such file");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        Span<byte> magic = stackalloc byte[2];
        var gzip = stream.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        stream.Position = 0;
        Stream input = gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        return new StreamReader(input, bufferSize: BufferSize);
    }

    /// <summary>Splits a line on commas, tabs and spaces, dropping empty fields.</summary>
    public static string[] Fields(string line) => line.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

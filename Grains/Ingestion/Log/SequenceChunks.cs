namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// Fixed-size chunks of sequences, carved from large pages of <see cref="long"/> and linked into lists by index: the
/// storage behind <see cref="GrainLogTails"/>. A chunk is one cache line: the index of the next chunk, then
/// <see cref="Capacity"/> sequences. Freed chunks go on a free list and are handed out again; pages are never
/// returned. Not thread-safe: the owner locks.
/// </summary>
/// <remarks>
/// Issue 6: a tail was a growing <c>long[]</c> per grain, so ingesting into 200,000 grains kept 200,000 small arrays
/// that every append could outgrow. Each new array outlived a young collection inside an old grain and was copied
/// again, each replaced one was garbage only a full collection frees, and the dictionary's entries held a reference
/// per grain for the collector to trace (8 % of the ingest bench's allocated bytes were these arrays). Pages hold no
/// references and never move once large, so the collector neither copies nor scans them.
/// </remarks>
internal sealed class SequenceChunks
{
    /// <summary>Sequences per chunk: a chunk (with its link) is 64 bytes.</summary>
    public const int Capacity = 7;

    /// <summary>The index that links to nothing.</summary>
    public const int None = -1;

    private const int Stride = Capacity + 1;
    private const int ChunksPerPageLog2 = 13;
    private const int ChunksPerPage = 1 << ChunksPerPageLog2; // 512 KB pages: on the large object heap from the first

    private long[][] _pages = [];
    private int _pageCount;
    private int _carved;
    private int _free = None;

    /// <summary>Chunks handed out and not freed.</summary>
    public int InUse { get; private set; }

    /// <summary>Chunks the pages hold, free or not.</summary>
    public int Allocated => _pageCount * ChunksPerPage;

    /// <summary>A fresh chunk, linked to nothing; its sequences are whatever the chunk held before.</summary>
    public int Take()
    {
        int chunk;
        if (_free != None)
        {
            chunk = _free;
            _free = (int)Page(chunk)[Offset(chunk)];
        }
        else
        {
            if (_carved == Allocated)
            {
                AddPage();
            }

            chunk = _carved++;
        }

        Page(chunk)[Offset(chunk)] = None;
        InUse++;
        return chunk;
    }

    /// <summary>Frees <paramref name="chunk"/> and every chunk linked after it.</summary>
    public void FreeFrom(int chunk)
    {
        while (chunk != None)
        {
            chunk = FreeOne(chunk);
        }
    }

    /// <summary>Frees <paramref name="chunk"/> alone and returns the one it linked to.</summary>
    public int FreeOne(int chunk)
    {
        var next = Next(chunk);
        Page(chunk)[Offset(chunk)] = _free;
        _free = chunk;
        InUse--;
        return next;
    }

    public int Next(int chunk) => (int)Page(chunk)[Offset(chunk)];

    public void Link(int chunk, int next) => Page(chunk)[Offset(chunk)] = next;

    /// <summary>The chunk's sequence slots (all <see cref="Capacity"/> of them), to read or write in place.</summary>
    public Span<long> Slots(int chunk) => Page(chunk).AsSpan(Offset(chunk) + 1, Capacity);

    private long[] Page(int chunk) => _pages[chunk >> ChunksPerPageLog2];

    private static int Offset(int chunk) => (chunk & (ChunksPerPage - 1)) * Stride;

    private void AddPage()
    {
        if (_pageCount == _pages.Length)
        {
            Array.Resize(ref _pages, Math.Max(4, _pages.Length * 2));
        }

        _pages[_pageCount++] = GC.AllocateUninitializedArray<long>(ChunksPerPage * Stride);
    }
}

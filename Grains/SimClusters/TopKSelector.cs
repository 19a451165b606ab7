namespace Recsys.Grains.SimClusters;

/// <summary>
/// Keeps the k (id, score) pairs with the highest scores, equal scores favouring the lower id, in a min-heap whose
/// root is the weakest kept pair; O(n log k), and reusable across rows to avoid allocation.
/// </summary>
internal sealed class TopKSelector(int capacity)
{
    private readonly int[] _ids = new int[capacity];
    private readonly float[] _scores = new float[capacity];
    private int _count;

    public int Count => _count;

    public void Clear() => _count = 0;

    public void Offer(int id, float score)
    {
        if (_count < _ids.Length)
        {
            _ids[_count] = id;
            _scores[_count] = score;
            SiftUp(_count++);
        }
        else if (_count > 0 && Weaker(_ids[0], _scores[0], id, score))
        {
            _ids[0] = id;
            _scores[0] = score;
            SiftDown(0);
        }
    }

    /// <summary>Copies the kept pairs out sorted by ascending id and clears the selector.</summary>
    public void DrainById(Span<int> ids, Span<float> scores)
    {
        _ids.AsSpan(0, _count).CopyTo(ids);
        _scores.AsSpan(0, _count).CopyTo(scores);
        ids[.._count].Sort(scores[.._count]);
        _count = 0;
    }

    // True when (aId, aScore) ranks below (bId, bScore).
    private static bool Weaker(int aId, float aScore, int bId, float bScore) =>
        aScore < bScore || (aScore == bScore && aId > bId);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Weaker(_ids[i], _scores[i], _ids[parent], _scores[parent]))
            {
                return;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var (left, weakest) = (2 * i + 1, i);
            if (left < _count && Weaker(_ids[left], _scores[left], _ids[weakest], _scores[weakest]))
            {
                weakest = left;
            }

            if (left + 1 < _count && Weaker(_ids[left + 1], _scores[left + 1], _ids[weakest], _scores[weakest]))
            {
                weakest = left + 1;
            }

            if (weakest == i)
            {
                return;
            }

            Swap(i, weakest);
            i = weakest;
        }
    }

    private void Swap(int a, int b)
    {
        (_ids[a], _ids[b]) = (_ids[b], _ids[a]);
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
    }
}

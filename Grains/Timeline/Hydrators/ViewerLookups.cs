using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Timeline.Hydrators;

/// <summary>
/// One viewer's lookup sets, kept between its requests by its Timeline grain. The User grain answers with the very
/// same follow, block, mute and report lists while they are unchanged (it keeps them: <c>Users.ViewerGraph</c>), so
/// each map or set is built once per change instead of once per request; a list that is not the kept one is built
/// afresh. Used on the grain's turn only, and what it hands out is never changed, so earlier queries may share it.
/// </summary>
public sealed class ViewerLookups
{
    private Kept<FollowEdge, IReadOnlyDictionary<long, double>> _follows;
    private Kept<long, IReadOnlySet<long>> _blocks;
    private Kept<long, IReadOnlySet<long>> _mutes;
    private Kept<long, IReadOnlySet<long>> _reported;

    /// <summary>Each followee's RealGraph weight.</summary>
    public IReadOnlyDictionary<long, double> Follows(IReadOnlyList<FollowEdge> follows) => _follows.For(follows, ViewerHydrator.FollowWeights);

    public IReadOnlySet<long> Blocks(IReadOnlyList<long> blocks) => _blocks.For(blocks, ToSet);

    public IReadOnlySet<long> Mutes(IReadOnlyList<long> mutes) => _mutes.For(mutes, ToSet);

    public IReadOnlySet<long> Reported(IReadOnlyList<long> reported) => _reported.For(reported, ToSet);

    private static IReadOnlySet<long> ToSet(IReadOnlyList<long> ids) => ids.ToHashSet();

    // The lookup built from the list last seen, rebuilt when another list comes.
    private struct Kept<TItem, TLookup>
        where TLookup : class
    {
        private IReadOnlyList<TItem>? _list;
        private TLookup? _lookup;

        public TLookup For(IReadOnlyList<TItem> list, Func<IReadOnlyList<TItem>, TLookup> build)
        {
            if (_lookup is null || !ReferenceEquals(_list, list))
            {
                (_list, _lookup) = (list, build(list));
            }

            return _lookup;
        }
    }
}

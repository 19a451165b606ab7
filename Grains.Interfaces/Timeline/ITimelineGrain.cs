using Recsys.Runtime;

namespace Recsys.Grains.Interfaces.Timeline;

/// <summary>
/// The For You timeline of one viewer (key: the viewer's user id). A request without a cursor runs the whole
/// pipeline (candidate sources, filters, light and heavy ranking, heuristics, visibility and selection) and keeps
/// the ranked list for a few minutes; a cursor pages through that list, re-checking the viewer's latest feedback.
/// Throws <see cref="Errors.UnknownEntityException"/> for a viewer never created and
/// <see cref="Errors.ValidationException"/> naming "count" or "cursor" for a bad request.
/// </summary>
public interface ITimelineGrain : IGrainWithIntegerKey
{
    Task<ForYouPage> GetForYou(ForYouRequest request);
}

using System.Globalization;

namespace Recsys.Silo.Api;

/// <summary>Ids in routes are int64; anything else is a 400 naming the route parameter.</summary>
public static class RouteIds
{
    public static bool TryParse(string text, string field, out long id, out IResult? problem)
    {
        problem = null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0)
        {
            return true;
        }

        problem = ApiProblems.Field(field, $"'{text}' is not a positive int64 id");
        return false;
    }
}

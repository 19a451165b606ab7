using System.Globalization;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Import;

/// <summary>
/// Profiles for imported users, who come with an id only: handle "u" + the id (base 36 when the decimal would pass
/// X's 15 characters), English, no country, signed up a day before their first event.
/// </summary>
public static class ImportProfiles
{
    public static UserProfile For(long id, DateTimeOffset firstSeen) =>
        new(id, Handle(id), "en", null, firstSeen.AddDays(-1));

    public static string Handle(long id)
    {
        var decimalText = id.ToString(CultureInfo.InvariantCulture);
        return decimalText.Length <= 14 ? "u" + decimalText : "u" + Base36(id);
    }

    private static string Base36(long value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var text = "";
        for (; value > 0; value /= 36)
        {
            text = digits[(int)(value % 36)] + text;
        }

        return text;
    }
}

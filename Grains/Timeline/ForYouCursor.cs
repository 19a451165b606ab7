using System.Globalization;
using System.Text;
using Recsys.Grains.Interfaces.Errors;

namespace Recsys.Grains.Timeline;

/// <summary>
/// The opaque cursor of a page: which kept ranked list (session) it belongs to and how many pages were served
/// from it, base64url-encoded. A cursor this timeline did not issue is a ValidationException on "cursor".
/// </summary>
public readonly record struct ForYouCursor(long SessionId, int Page)
{
    private const string Prefix = "fy1:";

    public override string ToString() =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{SessionId:x}:{Page}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static ForYouCursor Parse(string text)
    {
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            var decoded = Encoding.ASCII.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
            var parts = decoded.StartsWith(Prefix, StringComparison.Ordinal) ? decoded[Prefix.Length..].Split(':') : [];
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var session)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0)
            {
                return new ForYouCursor(session, page);
            }
        }
        catch (FormatException)
        {
        }

        throw new ValidationException("cursor", "is not a cursor this timeline issued; omit it for a fresh timeline");
    }
}

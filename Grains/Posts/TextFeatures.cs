namespace Recsys.Grains.Posts;

/// <summary>Features read off a post's text when the client did not give them.</summary>
public static class TextFeatures
{
    /// <summary>Counts "@handle" tokens: an '@' at a word start followed by 1-15 handle characters.</summary>
    public static int CountMentions(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '@' || (i > 0 && IsHandleChar(text[i - 1])))
            {
                continue;
            }

            var length = 0;
            while (i + 1 + length < text.Length && IsHandleChar(text[i + 1 + length]))
            {
                length++;
            }

            if (length is >= 1 and <= 15)
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}

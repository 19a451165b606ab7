using Recsys.Grains.Interfaces.Errors;

namespace Recsys.Grains.Users;

/// <summary>Normalises the string lists a user sets (muted words, topics, contact hashes), refusing bad ones by field.</summary>
public static class WordLists
{
    /// <summary>Trimmed, lower-cased (unless <paramref name="keepCase"/>), distinct, in first-seen order.</summary>
    public static string[] Normalize(IReadOnlyList<string>? values, string field, int maxCount, int maxLength, bool keepCase = false)
    {
        if (values is null)
        {
            throw new ValidationException(field, "is required (send [] to clear)");
        }

        var result = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i]?.Trim();
            if (string.IsNullOrEmpty(value) || value.Length > maxLength)
            {
                throw new ValidationException($"{field}[{i}]", $"must be 1-{maxLength} characters");
            }

            value = keepCase ? value : value.ToLowerInvariant();
            if (!result.Contains(value, StringComparer.Ordinal))
            {
                result.Add(value);
            }
        }

        return result.Count <= maxCount ? [.. result] : throw new ValidationException(field, $"must have at most {maxCount} entries (got {result.Count})");
    }
}

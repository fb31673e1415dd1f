using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Collaboration.Api.Http;

/// <summary>ETag = stream revision, quoted; <c>If-Match</c> carries it back as the expected revision.</summary>
public static class ETags
{
    public const string WrittenDescription = "The stream's new revision; send it back in If-Match with the next change.";

    public static string Format(long revision) => $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Parses <c>If-Match</c>: absent or <c>*</c> → no precondition; a quoted revision → that revision; anything else → error.</summary>
    public static bool TryParseIfMatch(HttpRequest request, out long? revision)
    {
        revision = null;
        var raw = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (raw.Length == 0 || raw == "*")
        {
            return true;
        }

        if (raw.StartsWith("W/", StringComparison.Ordinal))
        {
            raw = raw[2..];
        }

        raw = raw.Trim('"');
        if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            revision = parsed;
            return true;
        }

        return false;
    }
}

using System.Buffers.Text;
using System.Text.Json;
using Collaboration.Projections.Storage;

namespace Collaboration.Api.Modules.Views.Paging;

/// <summary>
/// The opaque <c>after</c> cursor: the list and sort it belongs to, the last item's sort value and key, base64url-encoded
/// JSON. It carries nothing the caller did not see on the page; it is checked, not trusted: a cursor of another list or
/// another sort, or one that does not decode, is refused.
/// </summary>
public static class ListCursor
{
    private const int Version = 1;

    public static string Encode(string list, string sort, ViewCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new object[] { Version, list, sort, cursor.SortValue, cursor.Key }));
    }

    /// <summary>The position the cursor names when it was made by <paramref name="list"/> sorted by <paramref name="sort"/>; otherwise null.</summary>
    public static ViewCursor? Decode(string text, string list, string sort)
    {
        try
        {
            if (text.Length > 2_048 || JsonSerializer.Deserialize<JsonElement[]>(Base64Url.DecodeFromChars(text)) is not [var version, var ofList, var ofSort, var value, var key])
            {
                return null;
            }

            return version.ValueKind == JsonValueKind.Number && version.GetInt32() == Version
                   && ofList.ValueKind == JsonValueKind.String && ofList.GetString() == list
                   && ofSort.ValueKind == JsonValueKind.String && ofSort.GetString() == sort
                   && value.ValueKind == JsonValueKind.String && key.ValueKind == JsonValueKind.String
                ? new ViewCursor(value.GetString()!, key.GetString()!)
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}

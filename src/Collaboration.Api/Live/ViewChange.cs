using System.Text.Json;

namespace Collaboration.Api.Live;

/// <summary>
/// One read-model document as it stands after the event at <paramref name="Position"/> was projected.
/// Pushed by the hub, returned by <c>CatchUp</c>, by <see cref="IViewChangeFeed"/> and by <see cref="IViewQueries"/>.
/// </summary>
/// <param name="View">The view name, one of <see cref="ViewNames"/> (e.g. <c>memorandum-progress</c>).</param>
/// <param name="Key">The document key inside the view (usually the aggregate id as a Guid string, or <c>district</c> for singletons).</param>
/// <param name="Position">The global log position the document reflects (not a resume position: see <c>StatusHubContract</c>).</param>
/// <param name="Data">
/// The document itself, camelCase JSON, exactly what the list endpoints return for that key.
/// <see cref="JsonValueKind.Null"/> when the document was removed.
/// </param>
public sealed record ViewChange(string View, string Key, long Position, JsonElement Data)
{
    /// <summary>True when the document no longer exists and the client should drop it.</summary>
    public bool Removed => Data.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Api.Live;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.Running;

namespace Collaboration.Api.Visibility;

/// <summary>
/// Read-model documents through the policy: a document is seen by the audiences the policy gave it when it was
/// projected (its stored scope), and its fields are redacted by the policy's verdict for the viewer.
/// </summary>
public sealed class DocumentVisibility(VisibilityPolicy policy)
{
    public VisibilityPolicy Policy { get; } = policy;

    /// <summary>A stored document as <paramref name="viewer"/> may see it, or null when the policy refuses it.</summary>
    public ViewChange? Show(Viewer viewer, StoredView? stored)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (stored is null || !VisibilityPolicy.Admits(viewer, stored.Scope.Audiences))
        {
            return null;
        }

        var change = ViewChangeFeed.ToChange(stored);
        return viewer.IsPrivileged || stored.Json is null || !JsonRedactor.MayWithhold(ViewKinds.Of(stored.View), stored.Json) ? change : Redact(viewer, change, stored.Scope.Audiences);
    }

    public ViewChange Redact(Viewer viewer, ViewChange change, IReadOnlyList<string> audiences)
    {
        var verdict = Policy.DecideStored(viewer, ViewKinds.Of(change.View), audiences);
        if (change.Data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return change;
        }

        var node = JsonRedactor.Apply(JsonNode.Parse(change.Data.GetRawText()), verdict);
        return change with { Data = JsonSerializer.SerializeToElement(node) };
    }
}

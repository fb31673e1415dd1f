using System.Collections.Concurrent;
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
    private const int ParsedCapacity = 1_024;

    private readonly ConcurrentDictionary<(string View, string Key), (string Json, object Document)> parsed = new();

    public VisibilityPolicy Policy { get; } = policy;

    /// <summary>A stored document as <paramref name="viewer"/> may see it, or null when the policy refuses it.</summary>
    public ViewChange? Show(Viewer viewer, StoredView? stored)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (stored is null || !VisibilityPolicy.Admits(viewer, stored.Scope.Audiences))
        {
            return null;
        }

        if (viewer.IsPrivileged || stored.Json is not { } json || !JsonRedactor.MayWithhold(ViewKinds.Of(stored.View), json))
        {
            return ViewChangeFeed.ToChange(stored);
        }

        // Redacted straight from the stored text: parsing it into an element first and writing that back out for the
        // redactor's parse cost two more passes over the document, per audience of every push (a memorandum's progress
        // holds all its commitments and goes to each party's group).
        var node = JsonNode.Parse(json);
        if (node is not (JsonObject or JsonArray))
        {
            return ViewChangeFeed.ToChange(stored);
        }

        var verdict = Policy.DecideStored(viewer, ViewKinds.Of(stored.View), stored.Scope.Audiences);
        return new ViewChange(stored.View, stored.Key, stored.Position, JsonSerializer.SerializeToElement(JsonRedactor.Apply(node, verdict)));
    }

    /// <summary>
    /// A stored document typed as <typeparamref name="T"/> as <paramref name="viewer"/> may see it, or null when the policy
    /// refuses it or it was removed. The same decisions as <see cref="Show"/>; a document with nothing to withhold from this
    /// viewer is parsed once, straight from the stored text into <typeparamref name="T"/>.
    /// </summary>
    public T? ShowTyped<T>(Viewer viewer, StoredView? stored) where T : class => ShowTyped<T>(viewer, stored, out _);

    /// <summary>
    /// <see cref="ShowTyped{T}(Viewer, StoredView?)"/>; <paramref name="unredacted"/> says the document is the stored one
    /// as it is (the instance shared by every reader of the same stored text), not a copy redacted for this viewer.
    /// </summary>
    public T? ShowTyped<T>(Viewer viewer, StoredView? stored, out bool unredacted) where T : class
    {
        ArgumentNullException.ThrowIfNull(viewer);
        unredacted = false;
        if (stored?.Json is not { } json || !VisibilityPolicy.Admits(viewer, stored.Scope.Audiences))
        {
            return null;
        }

        if (viewer.IsPrivileged || !JsonRedactor.MayWithhold(ViewKinds.Of(stored.View), json))
        {
            unredacted = true;
            return Parsed<T>(stored.View, stored.Key, json);
        }

        return Redact(viewer, ViewChangeFeed.ToChange(stored), stored.Scope.Audiences).Data.Deserialize<T>(ViewJson.Options);
    }

    // A document is read far more often than it changes: the last parse of each one is kept with the text it came from
    // and reused while the stored text is the same (an ordinal comparison, much cheaper than parsing a large document).
    // Documents are immutable records, so one instance may serve every reader. Bounded: when full, it starts again.
    private T? Parsed<T>(string view, string key, string json) where T : class
    {
        if (parsed.TryGetValue((view, key), out var known) && known.Document is T document && string.Equals(known.Json, json, StringComparison.Ordinal))
        {
            return document;
        }

        var fresh = ViewJson.Deserialize<T>(json);
        if (fresh is not null)
        {
            if (parsed.Count >= ParsedCapacity)
            {
                parsed.Clear();
            }

            parsed[(view, key)] = (json, fresh);
        }

        return fresh;
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

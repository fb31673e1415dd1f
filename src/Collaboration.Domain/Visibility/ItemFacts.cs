using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Visibility;

/// <summary>
/// What the policy needs to know about one item: its kind and its <em>current</em> relationships, read from the item's
/// state now (not from its history), so a party removed from a memorandum stops seeing it. Unset relationships mean
/// "none": a fact that is missing can only narrow what is shown.
/// </summary>
public sealed record ItemFacts(ItemKind Kind, Guid? Id = null)
{
    private static readonly IReadOnlySet<Guid> None = new HashSet<Guid>();

    /// <summary>A memorandum's current parties; for a commitment, the current parties of its memorandum.</summary>
    public IReadOnlySet<Guid> Parties { get; init; } = None;

    /// <summary>A commitment's owning organisation; for a partner item, the partner itself.</summary>
    public Guid? Owner { get; init; }

    /// <summary>The organisation that referred a talent case.</summary>
    public Guid? ReferredBy { get; init; }

    /// <summary>The observer who wrote a feedback item, or the observer an observer item is about.</summary>
    public Guid? Observer { get; init; }

    /// <summary>The department (a partner organisation) a feedback item is routed to for an answer.</summary>
    public Guid? RoutedTo { get; init; }

    /// <summary>True when the office has published the item (a feedback answer, a memorandum): the public may see it.</summary>
    public bool Published { get; init; }

    /// <summary>A commitment's progress reports that the office has approved (the others are the owner's drafts under review).</summary>
    public IReadOnlySet<Guid> ApprovedReports { get; init; } = None;

    public static ItemFacts Of(ItemKind kind, Guid? id = null) => new(kind, id);

    /// <summary>The kind of an event stream by its name (<see cref="StreamCatalogue"/>), with the id it carries.</summary>
    public static ItemFacts OfStream(string stream)
    {
        if (StreamCatalogue.Of(stream) is not { } family)
        {
            return new ItemFacts(ItemKind.Unknown);
        }

        var id = Guid.TryParse(stream.AsSpan(family.Prefix.Length), out var parsed) ? parsed : (Guid?)null;
        return family.Kind == ItemKind.Partner ? new ItemFacts(family.Kind, id) { Owner = id } : new ItemFacts(family.Kind, id);
    }
}

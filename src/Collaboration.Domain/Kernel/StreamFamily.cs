using Collaboration.Domain.Visibility;

namespace Collaboration.Domain.Kernel;

/// <summary>
/// The streams of one aggregate: their name prefix, the module the audit log files them under, and the kind of item
/// the visibility policy decides about.
/// </summary>
public sealed record StreamFamily(string Prefix, string Module, ItemKind Kind)
{
    /// <summary>The stream of the aggregate with this id.</summary>
    // One string, no intermediate: projections name a stream for every event they fold (three times for a commitment's).
    public string StreamOf(Guid id) => string.Create(Prefix.Length + 36, (Prefix, id), static (name, state) =>
    {
        state.Prefix.CopyTo(name);
        state.id.TryFormat(name[state.Prefix.Length..], out _);
    });

    /// <summary>The stream named by a key that is not a Guid (a partner's normalised external reference).</summary>
    public string StreamOf(string key) => string.Concat(Prefix, key);

    /// <summary>True when <paramref name="stream"/> belongs to this family (by prefix alone).</summary>
    public bool Owns(string stream) => stream.StartsWith(Prefix, StringComparison.Ordinal);
}

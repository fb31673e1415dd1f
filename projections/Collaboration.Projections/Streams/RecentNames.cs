namespace Collaboration.Projections.Streams;

/// <summary>
/// The names (stream names, document keys) last made from a few ids. While one event is applied, several projections
/// ask for the same commitment's stream and key, and a commitment's events mostly follow one another in the log:
/// making each string anew was about a tenth of a rebuild's allocations (ADR 0009). A miss only costs the string.
/// </summary>
/// <remarks>Each slot holds an immutable pair replaced whole, so concurrent runners share it safely.</remarks>
internal sealed class RecentNames(Func<Guid, string> make)
{
    private const int Slots = 16;

    private readonly Named?[] slots = new Named?[Slots];

    public string Of(Guid id)
    {
        var slot = id.GetHashCode() & (Slots - 1);
        if (Volatile.Read(ref slots[slot]) is { } named && named.Id == id)
        {
            return named.Name;
        }

        var name = make(id);
        Volatile.Write(ref slots[slot], new Named(id, name));
        return name;
    }

    private sealed record Named(Guid Id, string Name);
}

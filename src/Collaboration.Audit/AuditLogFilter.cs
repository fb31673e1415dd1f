using Collaboration.EventStore;

namespace Collaboration.Audit;

/// <summary>
/// Which events of the log to show. Every criterion is optional and they combine with AND. <c>Module</c> is one of
/// <see cref="AggregateFolds.Modules"/> (memoranda, commitments, talent-cases, feedback, observers, partners, policies,
/// privacy); positions are inclusive; <c>From</c>/<c>To</c> compare the store's timestamps.
/// </summary>
public sealed record AuditLogFilter(
    string? Stream = null,
    string? Module = null,
    string? Type = null,
    string? Actor = null,
    string? Organisation = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    long? FromPosition = null,
    long? ToPosition = null)
{
    /// <summary>Field errors for the query string; empty when usable.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Module is not null && !AggregateFolds.Modules.ContainsKey(Module))
        {
            errors["module"] = [$"Unknown module; one of {string.Join(", ", AggregateFolds.Modules.Keys)}."];
        }

        if (FromPosition is < 1)
        {
            errors["fromPosition"] = ["Positions start at 1."];
        }

        if (ToPosition is { } to && (to < 1 || to < (FromPosition ?? 1)))
        {
            errors["toPosition"] = ["Must be at least fromPosition."];
        }

        if (From is { } from && To is { } until && until < from)
        {
            errors["to"] = ["Must not be before from."];
        }

        return errors;
    }

    public bool Matches(RecordedEvent e)
    {
        if (Stream is not null && e.Stream != Stream)
        {
            return false;
        }

        if (Module is not null && !AggregateFolds.Modules[Module].Any(p => e.Stream.StartsWith(p, StringComparison.Ordinal)))
        {
            return false;
        }

        if (Type is not null && e.Type != Type)
        {
            return false;
        }

        if (From is { } from && e.Timestamp < from)
        {
            return false;
        }

        if (To is { } to && e.Timestamp > to)
        {
            return false;
        }

        if (Actor is not null && e.Metadata.ActorId != Actor)
        {
            return false;
        }

        return Organisation is null || string.Equals(e.Metadata.Organisation, Organisation, StringComparison.OrdinalIgnoreCase);
    }
}

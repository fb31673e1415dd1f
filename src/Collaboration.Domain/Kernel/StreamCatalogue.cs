using Collaboration.Domain.Visibility;

namespace Collaboration.Domain.Kernel;

/// <summary>
/// The one map from stream-name prefix to aggregate. The deciders name their streams through it, and the audit
/// folds, the visibility policy's item kinds, the projections and the dashboard's pickers recognise streams through
/// it, so a stream is never named one way and recognised another.
/// </summary>
public static class StreamCatalogue
{
    public static readonly StreamFamily Memoranda = new("memorandum-", "memoranda", ItemKind.Memorandum);
    public static readonly StreamFamily Commitments = new("commitment-", "commitments", ItemKind.Commitment);
    public static readonly StreamFamily TalentCases = new("talent-case-", "talent-cases", ItemKind.TalentCase);
    public static readonly StreamFamily Feedback = new("feedback-", "feedback", ItemKind.Feedback);
    public static readonly StreamFamily Observers = new("observer-", "observers", ItemKind.Observer);
    public static readonly StreamFamily PartnerReferences = new("partner-reference-", "partners", ItemKind.PartnerReference);
    public static readonly StreamFamily Partners = new("partner-", "partners", ItemKind.Partner);
    public static readonly StreamFamily Policies = new("policy-", "policies", ItemKind.Policy);

    /// <summary>Publicity points are part of the public policy catalogue, so they share its row of the visibility policy.</summary>
    public static readonly StreamFamily PublicityPoints = new("publicity-point-", "policies", ItemKind.Policy);
    public static readonly StreamFamily PersonErasures = new("person-", "privacy", ItemKind.PersonErasure);

    /// <summary>Spreadsheet imports (ADR 0020): no row in the visibility policy, so office and auditors only.</summary>
    public static readonly StreamFamily Imports = new("import-", "imports", ItemKind.Unknown);

    /// <summary>What one user follows and how they are notified (ADR 0024): office and auditors only in the log.</summary>
    public static readonly StreamFamily Subscribers = new("subscriber-", "notifications", ItemKind.Unknown);

    /// <summary>Partner webhook endpoints registered by the office (ADR 0024): office and auditors only in the log.</summary>
    public static readonly StreamFamily Webhooks = new("webhook-", "notifications", ItemKind.Unknown);

    /// <summary>
    /// Every family, in the order the audit log lists its modules. "partner-reference-" comes before "partner-",
    /// which is a prefix of it, so the first family that owns a stream is the right one.
    /// </summary>
    public static IReadOnlyList<StreamFamily> All { get; } =
        [Memoranda, Commitments, TalentCases, Feedback, Observers, PartnerReferences, Partners, Policies, PublicityPoints, PersonErasures, Imports, Subscribers, Webhooks];

    /// <summary>The family a stream belongs to, or null for a stream no aggregate owns.</summary>
    public static StreamFamily? Of(string stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        foreach (var family in All)
        {
            if (family.Owns(stream))
            {
                return family;
            }
        }

        return null;
    }
}

using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Visibility;

public enum CallerKind
{
    Office,
    Auditor,
    Partner,
    Observer,
    Anonymous,
}

/// <summary>One caller of the matrix: a role, and for partners and observers whose they are.</summary>
public sealed record LeakCaller(string Name, CallerKind Kind, Guid? Organisation = null, Guid? Observer = null)
{
    /// <summary>The bearer token the API and the hub accept for this caller; none for the anonymous caller.</summary>
    public string? Token => Kind switch
    {
        CallerKind.Office => TestTokens.Office(),
        CallerKind.Auditor => TestTokens.Auditor(),
        CallerKind.Partner => TestTokens.Partner(Organisation!.Value),
        CallerKind.Observer => TestTokens.Observer(Observer!.Value),
        _ => null,
    };

    public override string ToString() => Name;
}

/// <summary>
/// What each caller must never see, computed from the values the scenario wrote. This is an independent statement of
/// the rules (issue 11), not a call into the production policy:
///
/// | secret kind                          | office | auditor | partner                       | observer                 | anonymous |
/// |--------------------------------------|--------|---------|-------------------------------|--------------------------|-----------|
/// | talent e-mail / phone                | sees   | sees    | withheld (even the referrer)  | withheld                 | withheld  |
/// | talent-case note text                | sees   | sees    | withheld                      | withheld                 | withheld  |
/// | policy package id                    | sees   | sees    | withheld unless its own party | withheld                 | withheld  |
/// | pending/returned narrative, reason   | sees   | sees    | withheld unless it owns it    | withheld                 | withheld  |
/// | observer id (on feedback items)      | sees   | sees    | withheld                      | withheld unless its own  | withheld  |
/// | partner contact e-mail               | sees   | sees    | withheld unless its own org   | withheld                 | withheld  |
/// | draft memorandum title/purpose       | sees   | sees    | withheld unless a current party (a removed party is not) | withheld | withheld |
///
/// The last two rows are not in the list; they are there so removing the policy's partner-contacts and
/// current-relationships rules is noticed too (see the self-check).
/// </summary>
public static class LeakOracle
{
    public static IReadOnlyList<LeakCaller> Callers(LeakScenario scenario) =>
    [
        new("office", CallerKind.Office),
        new("auditor", CallerKind.Auditor),
        .. scenario.Partners.Select(p => new LeakCaller(PartnerName(scenario, p), CallerKind.Partner, Organisation: p)),
        .. scenario.Observers.Select(o => new LeakCaller($"observer {Short(o)}", CallerKind.Observer, Observer: o)),
        new("anonymous", CallerKind.Anonymous),
    ];

    public static IReadOnlyList<Secret> WithheldFrom(LeakCaller caller, IReadOnlyList<Secret> secrets) =>
        [.. secrets.Where(secret => Withholds(caller, secret))];

    public static bool Withholds(LeakCaller caller, Secret secret)
    {
        if (caller.Kind is CallerKind.Office or CallerKind.Auditor)
        {
            return false;
        }

        return secret.Kind switch
        {
            SecretKind.TalentEmail or SecretKind.TalentPhone or SecretKind.TalentNote => true,
            SecretKind.PackageId or SecretKind.ReportNarrative or SecretKind.ReturnReason or SecretKind.PartnerContact =>
                caller.Kind != CallerKind.Partner || caller.Organisation != secret.OwnerOrganisation,
            SecretKind.DraftMemorandumText =>
                caller.Kind != CallerKind.Partner || !secret.Parties!.Contains(caller.Organisation!.Value),
            SecretKind.ObserverId => caller.Kind != CallerKind.Observer || caller.Observer != secret.OwnerObserver,
            _ => throw new ArgumentOutOfRangeException(nameof(secret), secret.Kind, "A secret kind without a rule in the oracle."),
        };
    }

    private static string PartnerName(LeakScenario scenario, Guid partner) =>
        partner == scenario.RemovedParty ? $"removed-party {Short(partner)}"
        : partner == LeakScenario.PartnerA ? $"partner-A {Short(partner)}"
        : partner == LeakScenario.PartnerB ? $"partner-B {Short(partner)}"
        : $"partner {Short(partner)}";

    /// <summary>Demo ids differ only at the end; the last 4 hex digits name them well enough in a report.</summary>
    private static string Short(Guid id) => id.ToString()[^4..];
}

using Collaboration.Domain.Visibility;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collaboration.Api.Tests.Visibility;

/// <summary>
/// Issue 11: the leak matrix fails when a rule is removed. For each of the policy's rules, the app is built with that
/// rule alone dropped, and the matrix must find a violation of a kind that rule guards. A rule the oracle has no secret
/// kind for fails here, so a new rule comes with a way to notice its absence.
/// </summary>
public sealed class LeakMatrixSelfCheckTests
{
    /// <summary>Which secret kinds of the oracle each rule of the policy guards (the oracle's table, by rule id).</summary>
    private static readonly Dictionary<string, SecretKind[]> Guards = new(StringComparer.Ordinal)
    {
        [VisibilityRules.TalentContact] = [SecretKind.TalentEmail, SecretKind.TalentPhone],
        [VisibilityRules.CaseNotes] = [SecretKind.TalentNote],
        [VisibilityRules.OtherPartiesPackages] = [SecretKind.PackageId],
        [VisibilityRules.OtherOwnersReports] = [SecretKind.ReportNarrative, SecretKind.ReturnReason],
        [VisibilityRules.ObserverIdentity] = [SecretKind.ObserverId],
        [VisibilityRules.PartnerContacts] = [SecretKind.PartnerContact],
        [VisibilityRules.CurrentRelationships] = [SecretKind.DraftMemorandumText],
    };

    /// <summary>
    /// Rules no read path reaches while another rule stands, so they are removed together with it. Partner contacts:
    /// no caller but the office, the auditor and the partner itself sees a partner's record under current relationships,
    /// so without partner-contacts alone nothing leaks (the matrix checked: zero violations).
    /// </summary>
    private static readonly Dictionary<string, string[]> ShadowedBy = new(StringComparer.Ordinal)
    {
        [VisibilityRules.PartnerContacts] = [VisibilityRules.CurrentRelationships],
    };

    public static TheoryData<string> Rules() => [.. VisibilityRules.Ids];

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task removing_a_visibility_rule_makes_the_leak_matrix_find_a_leak_it_guards(string rule)
    {
        Guards.Should().ContainKey(rule, "every rule of the policy needs a secret kind in the oracle whose leak shows the rule is gone");
        var kinds = Guards[rule];
        var rules = ShadowedBy.GetValueOrDefault(rule, []).Aggregate(VisibilityRules.Default.Without(rule), (r, also) => r.Without(also));
        using var app = new LeakScenarioApp
        {
            Replacing = services => services.Replace(ServiceDescriptor.Singleton(rules)),
        };
        await app.InitializeAsync();

        var result = await new LeakMatrix(app).RunAsync(enough: v => kinds.Contains(v.Kind));

        result.Uncovered.Should().BeEmpty();
        result.Violations.Should().Contain(v => kinds.Contains(v.Kind), $"without rule '{rule}' some caller must receive a {string.Join(" or ", kinds)} it may not see");
    }
}

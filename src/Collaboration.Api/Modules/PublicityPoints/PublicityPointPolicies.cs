using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Policies;

namespace Collaboration.Api.Modules.PublicityPoints;

/// <summary>
/// A point may only name policies the catalogue holds and has not retired: a resident sent there for a retired policy
/// would be sent for nothing. Checked against each policy's stream when the point is designated or revised.
/// </summary>
public static class PublicityPointPolicies
{
    public static DomainError Unknown(PolicyId policy) => DomainError.Rule(
        "publicity-point.policy-unknown", $"No policy {policy} is published (or it is retired).", $"编号为 {policy} 的政策未发布或已废止。");

    /// <summary>The first policy that is not published and current, or null when all are.</summary>
    public static async Task<DomainError?> CheckAsync(StreamExecutor executor, IEnumerable<PolicyId> policies, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(policies);
        foreach (var policy in policies.Distinct())
        {
            var loaded = await executor.LoadAsync<PolicyDecider, PolicyState, IPolicyCommand, IPolicyEvent>(PolicyDecider.StreamName(policy), ct);
            if (PolicyDecider.Snapshot(loaded.State) is not { IsRetired: false })
            {
                return Unknown(policy);
            }
        }

        return null;
    }
}

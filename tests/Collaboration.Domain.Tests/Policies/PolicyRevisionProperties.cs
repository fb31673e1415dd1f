using Collaboration.Domain.Kernel;
using Collaboration.Domain.Policies;
using FsCheck.Xunit;
using static Collaboration.Domain.Tests.Policies.PolicyFacts;

namespace Collaboration.Domain.Tests.Policies;

public sealed class PolicyRevisionProperties
{
    /// <summary>
    /// Whatever mix of revisions (some of them no-ops) and retirements is attempted, the revision
    /// number is 1 plus the accepted revisions, and nothing is accepted after retirement.
    /// </summary>
    [Property]
    public bool revision_number_counts_accepted_revisions_and_stops_at_retirement(byte[] steps)
    {
        PolicyState state = PolicyDecider.Evolve(PolicyDecider.Initial, Published());
        var accepted = 0;
        var retired = false;
        foreach (var step in steps)
        {
            IPolicyCommand command = (step % 4) switch
            {
                0 => new RetirePolicy(Subsidy, BilingualText.Both("废止", "Retired"), At),
                1 => new RevisePolicy(Subsidy, SubsidyContent, RaisedAmount, At),
                _ => new RevisePolicy(Subsidy, SubsidyContent with { Summary = BilingualText.Both($"摘要{step}", $"Summary {step}") }, RaisedAmount, At),
            };
            var decision = PolicyDecider.Decide(command, state);
            if (retired && decision.IsAccepted)
            {
                return false;
            }

            foreach (var e in decision.Events)
            {
                accepted += e is PolicyRevised ? 1 : 0;
                retired |= e is PolicyRetired;
                state = PolicyDecider.Evolve(state, e);
            }
        }

        return PolicyDecider.Snapshot(state)!.Revision == 1 + accepted;
    }
}

using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using FsCheck.Xunit;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

/// <summary>
/// Invariants over arbitrary command scripts. Each int of the script picks a command and its
/// arguments; refused commands are skipped, as the application would, and accepted events are
/// folded into the state. FsCheck shrinks a failing script to a short one.
/// </summary>
public sealed class CommitmentProperties
{
    private static readonly MilestoneId[] Milestones =
        [M1, M2, MilestoneId.Parse("0190a1b2-0000-7000-8000-0000000000e3"), MilestoneId.Parse("0190a1b2-0000-7000-8000-0000000000e4")];

    [Property(MaxTest = 300)]
    public void approved_progress_never_falls_below_a_completed_milestones_share(int[] script)
    {
        foreach (var (state, _) in Run(script))
        {
            if (state is not ExistingCommitment existing)
            {
                continue;
            }

            var approved = CommitmentProgress.Approved(state);
            foreach (var done in existing.File.Milestones.Where(m => m.IsDone))
            {
                approved.Should().BeGreaterThanOrEqualTo(done.Share);
            }

            approved.Should().BeGreaterThanOrEqualTo(CommitmentProgress.CompletedShare(existing.File));
        }
    }

    [Property]
    public void approved_progress_rule_is_at_least_the_completed_share_and_at_most_one_hundred(byte latest, byte[] shares)
    {
        var completed = shares.Take(4).Sum(s => s % 26);
        var approved = CommitmentProgress.Approved(latest % 101, completed);

        approved.Should().BeGreaterThanOrEqualTo(completed).And.BeLessThanOrEqualTo(100m).And.BeGreaterThanOrEqualTo(latest % 101);
    }

    [Property(MaxTest = 600)]
    public void derived_status_is_one_of_the_six_and_agrees_with_the_events(int[] script, ushort daysAfterProposal)
    {
        var today = Today.AddDays(daysAfterProposal % 400);
        foreach (var (state, events) in Run(script))
        {
            var status = CommitmentStatusCalculator.Status(state, today);

            var completed = events.OfType<CommitmentCompleted>().Any();
            var cancelled = events.OfType<CommitmentCancelled>().Any();
            var overdue = DueDate < today && !completed && !cancelled;

            Enum.IsDefined(status).Should().BeTrue();
            (status == CommitmentStatus.Completed).Should().Be(completed && !cancelled);
            (status == CommitmentStatus.Cancelled).Should().Be(cancelled);
            (status == CommitmentStatus.Overdue).Should().Be(overdue);
            if (status == CommitmentStatus.NotStarted)
            {
                CommitmentProgress.Approved(state).Should().Be(0m);
                events.OfType<MilestoneCompleted>().Should().BeEmpty();
            }

            if (status == CommitmentStatus.OnTrack)
            {
                CommitmentProgress.Approved(state).Should().BeGreaterThan(0m);
            }
        }
    }

    /// <summary>The state and the events so far after each step, starting from a proposed commitment.</summary>
    private static List<(CommitmentState State, List<ICommitmentEvent> Events)> Run(int[] script)
    {
        List<ICommitmentEvent> events = [Proposed()];
        var state = CommitmentSpec.Replay([.. events]);
        List<(CommitmentState, List<ICommitmentEvent>)> trace = [(state, [.. events])];
        for (var step = 0; step < (script?.Length ?? 0); step++)
        {
            var decision = CommitmentDecider.Decide(CommandFor(script![step], step, state), state);
            foreach (var e in decision.Events)
            {
                events.Add(e);
                state = CommitmentDecider.Evolve(state, e);
            }

            trace.Add((state, [.. events]));
        }

        return trace;
    }

    private static ICommitmentCommand CommandFor(int raw, int step, CommitmentState state)
    {
        var v = (int)((uint)raw >> 4);
        var milestone = Milestones[v % Milestones.Length];
        var pending = (state as ExistingCommitment)?.File.Reports.FindLast(r => r.Status == ProgressReportStatus.Submitted)?.Id ?? R1;
        return ((uint)raw % 10) switch
        {
            0 => AddMilestone(milestone, (v % 50) + 1) with { DueDate = Today.AddDays(v % 220) },
            1 => CompleteMilestone(milestone),
            2 => Submit(ProgressReportId.From(new Guid(step + 1, 0, 0, new byte[8])), v % 101) with { By = v % 3 == 0 ? Office : OwnerUser },
            3 => Approve(pending),
            4 => Return(pending),
            5 => Accept(),
            6 => Complete(),
            7 when v % 4 == 0 => Cancel(),
            8 => Reschedule(milestone) with { NewDueDate = Today.AddDays(v % 220) },
            _ => Accept(),
        };
    }
}

using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Policies;
using static Collaboration.Domain.Tests.Memoranda.MemorandumFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Memoranda.MemorandumDecider,
    Collaboration.Domain.Memoranda.MemorandumState,
    Collaboration.Domain.Memoranda.IMemorandumCommand,
    Collaboration.Domain.Memoranda.IMemorandumEvent>;

namespace Collaboration.Domain.Tests.Memoranda;

public sealed class MemorandumSnapshotSpec
{
    [Fact]
    public void no_snapshot_before_the_memorandum_is_drafted() =>
        MemorandumDecider.Snapshot(MemorandumDecider.Initial).Should().BeNull();

    [Fact]
    public void draft_snapshot_lists_the_parties_gathered_so_far() =>
        MemorandumDecider.Snapshot(Spec.Given(ReadyToSign).State).Should().BeEquivalentTo(
            new MemorandumSnapshot(Memo, MemorandumStatus.Draft, [Office, Chamber], Areas, TermStart, TermEnd));

    [Fact]
    public void active_snapshot_reflects_amended_focus_areas_and_term()
    {
        var amended = new MemorandumAmended(Memo, 1, Because, Because, [FocusArea.PolicyPublicity], new DateOnly(2028, 8, 31), At.AddDays(30));

        MemorandumDecider.Snapshot(Spec.Given([.. Active, amended]).State).Should().BeEquivalentTo(
            new MemorandumSnapshot(Memo, MemorandumStatus.Active, [Office, Chamber], [FocusArea.PolicyPublicity], TermStart, new DateOnly(2028, 8, 31)));
    }

    [Fact]
    public void suspended_memorandum_snapshot_says_suspended() =>
        MemorandumDecider.Snapshot(Spec.Given([.. Active, Suspended()]).State)!.Status.Should().Be(MemorandumStatus.Suspended);

    [Fact]
    public void completed_memorandum_snapshot_says_completed() =>
        MemorandumDecider.Snapshot(Spec.Given([.. Active, Completed()]).State)!.Status.Should().Be(MemorandumStatus.Completed);

    [Fact]
    public void memorandum_stream_is_named_after_its_id() =>
        MemorandumDecider.StreamName(Memo).Should().Be("memorandum-0192f3a0-0000-7000-8000-0000000000b1");
}

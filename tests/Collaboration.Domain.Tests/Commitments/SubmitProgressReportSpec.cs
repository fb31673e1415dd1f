using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

public sealed class SubmitProgressReportSpec
{
    private static readonly ICommitmentEvent[] Active = [Proposed(), Accepted()];

    [Fact]
    public void owner_partner_submits_a_report_that_waits_for_review() =>
        CommitmentSpec.Given(Active)
            .When(Submit(R1, 30m))
            .Then(Reported(R1, 30m));

    [Fact]
    public void office_report_is_recorded_and_approved_at_once() =>
        CommitmentSpec.Given(Active)
            .When(Submit(R1, 30m) with { By = Office })
            .Then(Reported(R1, 30m, Office), Approved(R1, 30m));

    [Fact]
    public void a_new_report_may_follow_a_returned_one() =>
        CommitmentSpec.Given([.. Active, Reported(R1, 30m), Returned(R1)])
            .When(Submit(R2, 20m))
            .Then(Reported(R2, 20m) with { Report = R2 });

    [Fact]
    public void a_commitment_takes_at_most_the_report_limit() =>
        CommitmentSpec.Given([.. Active, .. ReviewedReports(CommitmentDecider.MaxProgressReports)])
            .When(Submit(R1, 30m))
            .ThenFails("commitment.report-limit-reached");

    [Fact]
    public void the_last_report_under_the_limit_is_accepted() =>
        CommitmentSpec.Given([.. Active, .. ReviewedReports(CommitmentDecider.MaxProgressReports - 1)])
            .When(Submit(R1, 30m))
            .Then(Reported(R1, 30m));

    [Fact]
    public void progress_cannot_be_reported_on_an_unknown_commitment() =>
        CommitmentSpec.Given()
            .When(Submit(R1, 30m))
            .ThenFails("commitment.not-found");

    [Fact]
    public void progress_cannot_be_reported_before_acceptance() =>
        CommitmentSpec.Given(Proposed())
            .When(Submit(R1, 30m))
            .ThenFails("commitment.not-accepted");

    [Fact]
    public void progress_cannot_be_reported_on_a_completed_commitment() =>
        CommitmentSpec.Given([.. Active, Completed()])
            .When(Submit(R1, 30m))
            .ThenFails("commitment.closed");

    [Fact]
    public void partner_of_another_organisation_cannot_report_progress() =>
        CommitmentSpec.Given(Active)
            .When(Submit(R1, 30m) with { By = OtherPartner })
            .ThenFails("commitment.not-owner");

    [Theory]
    [InlineData(MemorandumStatus.Suspended)]
    [InlineData(MemorandumStatus.Terminated)]
    public void commitment_of_a_suspended_or_terminated_memorandum_cannot_progress(MemorandumStatus status) =>
        CommitmentSpec.Given(Active)
            .When(Submit(R1, 30m) with { Memorandum = MemorandumIn(status) })
            .ThenFails("commitment.memorandum-not-active");

    [Fact]
    public void the_same_report_cannot_be_submitted_twice() =>
        CommitmentSpec.Given([.. Active, Reported(R1, 30m), Approved(R1, 30m)])
            .When(Submit(R1, 40m))
            .ThenFails("commitment.report-already-exists");

    [Fact]
    public void only_one_report_may_wait_for_review() =>
        CommitmentSpec.Given([.. Active, Reported(R1, 30m)])
            .When(Submit(R2, 40m))
            .ThenFails("commitment.report-pending");

    [Theory]
    [InlineData(-1)]
    [InlineData(100.01)]
    public void percent_must_be_between_zero_and_one_hundred(double percent) =>
        CommitmentSpec.Given(Active)
            .When(Submit(R1, (decimal)percent))
            .ThenFails("commitment.progress-percent-invalid");

    [Fact]
    public void narrative_is_required() =>
        CommitmentSpec.Given(Active)
            .When(Submit(R1, 30m) with { Narrative = Empty })
            .ThenFails("commitment.progress-narrative-required");

    [Fact]
    public void as_of_date_cannot_be_in_the_future() =>
        CommitmentSpec.Given(Active)
            .When(Submit(R1, 30m) with { AsOf = Today.AddDays(1) })
            .ThenFails("commitment.progress-as-of-invalid");

    [Fact]
    public void as_of_date_cannot_be_before_the_proposal() =>
        CommitmentSpec.Given(Active)
            .When(Submit(R1, 30m) with { AsOf = Today.AddDays(-1) })
            .ThenFails("commitment.progress-as-of-invalid");

    [Fact]
    public void progress_cannot_be_reported_with_another_memorandums_snapshot() =>
        CommitmentSpec.Given(Active)
            .When(Submit(R1, 30m) with { Memorandum = Memorandum with { Id = MemorandumId.New() } })
            .ThenFails("commitment.memorandum-mismatch");

    private static IEnumerable<ICommitmentEvent> ReviewedReports(int count) =>
        Enumerable.Range(0, count).Select(_ => ProgressReportId.New()).SelectMany(id => new ICommitmentEvent[] { Reported(id, 10m), Returned(id) });
}

using System.Collections.Immutable;
using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>
/// What is known about a commitment in every stage: its terms, its milestones and every progress
/// report in submission order (returned ones included, because reviewers ask what was sent back).
/// </summary>
public sealed record CommitmentFile(
    CommitmentId Id,
    MemorandumId Memorandum,
    FocusArea FocusArea,
    PartnerId Owner,
    BilingualText Description,
    DateOnly DueDate,
    decimal Weight,
    DateOnly ProposedOn,
    ImmutableList<Milestone> Milestones,
    ImmutableList<ProgressReport> Reports)
{
    public Milestone? FindMilestone(MilestoneId id) => Milestones.Find(m => m.Id == id);

    public ProgressReport? FindReport(ProgressReportId id) => Reports.Find(r => r.Id == id);

    public bool HasPendingReport => Reports.Exists(r => r.Status == ProgressReportStatus.Submitted);

    public decimal PlannedShare => Milestones.Sum(m => m.Share);

    internal CommitmentFile UpdateMilestone(MilestoneId id, Func<Milestone, Milestone> change) =>
        this with { Milestones = Milestones.ConvertAll(m => m.Id == id ? change(m) : m) };

    internal CommitmentFile UpdateReport(ProgressReportId id, Func<ProgressReport, ProgressReport> change) =>
        this with { Reports = Reports.ConvertAll(r => r.Id == id ? change(r) : r) };
}

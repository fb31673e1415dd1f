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
    /// <summary>The normalised key of the spreadsheet row it was imported from, if any.</summary>
    public string? ExternalReference { get; init; }

    public Milestone? FindMilestone(MilestoneId id) => Milestones.Find(m => m.Id == id);

    public ProgressReport? FindReport(ProgressReportId id) => Reports.Find(r => r.Id == id);

    public bool HasPendingReport => Reports.Exists(r => r.Status == ProgressReportStatus.Submitted);

    public decimal PlannedShare => Milestones.Sum(m => m.Share);

    // One item changes; SetItem keeps the rest of the list's nodes instead of rebuilding it. Reviews concern the
    // latest reports, so the search starts from the end.
    internal CommitmentFile UpdateMilestone(MilestoneId id, Func<Milestone, Milestone> change) =>
        Milestones.FindLastIndex(m => m.Id == id) is var i and >= 0 ? this with { Milestones = Milestones.SetItem(i, change(Milestones[i])) } : this;

    internal CommitmentFile UpdateReport(ProgressReportId id, Func<ProgressReport, ProgressReport> change) =>
        Reports.FindLastIndex(r => r.Id == id) is var i and >= 0 ? this with { Reports = Reports.SetItem(i, change(Reports[i])) } : this;
}

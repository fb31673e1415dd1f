using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.CommitmentDetails;

namespace Collaboration.Projections.MemorandumProgress;

/// <summary>
/// One commitment as its memorandum's progress reads it (<c>memorandum-line</c>): what the report counts, adds up and
/// lists, and the days its status changes on — a few hundred bytes, where the commitment's detail holds every report.
/// The store's counts and tallies read each document's JSON, so the report's cost follows the size of these.
/// </summary>
public sealed record MemorandumLine(
    CommitmentId Id,
    MemorandumId Memorandum,
    PartnerId Owner,
    FocusArea FocusArea,
    BilingualText Description,
    CommitmentStage Stage,
    decimal Weight,
    decimal ApprovedProgress,
    DateOnly ProposedOn,
    DateOnly DueDate,
    DateOnly? NextDueDate,
    DateOnly OpenUntil,
    DateOnly AtRiskFrom,
    CommitmentStatus? CalmStatus)
{
    public static MemorandumLine Of(CommitmentDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var c = detail.Commitment;
        return new(c.Id, c.Memorandum, c.Owner, c.FocusArea, c.Description, c.Stage, c.Weight, c.ApprovedProgress, c.ProposedOn, c.DueDate,
            detail.NextDueDate, detail.OpenUntil, detail.AtRiskFrom, detail.CalmStatus);
    }

    /// <summary>What one tally groups by: focus area, owner and stage, so one pass gives every group the report shows.</summary>
    public string Bucket => string.Join('|', FocusArea, Owner.Value.ToString("D"), Stage);

    /// <summary>
    /// The status on <paramref name="today"/> from the days it changes on (<see cref="CommitmentDetail.OpenUntil"/>,
    /// <see cref="CommitmentDetail.AtRiskFrom"/>, <see cref="CommitmentDetail.CalmStatus"/>) — the comparisons the store makes
    /// in <see cref="CommitmentDayFilters"/>, and the domain's status (<see cref="CommitmentDetail.StatusOn"/>), which a spec holds it to.
    /// </summary>
    public CommitmentStatus StatusOn(DateOnly today) => Stage switch
    {
        CommitmentStage.Completed => CommitmentStatus.Completed,
        CommitmentStage.Cancelled => CommitmentStatus.Cancelled,
        _ when OpenUntil < today => CommitmentStatus.Overdue,
        _ when AtRiskFrom <= today => CommitmentStatus.AtRisk,
        _ => CalmStatus ?? CommitmentStatus.NotStarted,
    };

    public CommitmentLine On(DateOnly today) =>
        new(Id, Memorandum, Owner, FocusArea, Description, Stage, StatusOn(today), Weight, ApprovedProgress, DueDate, NextDueDate);

    /// <summary>Splits a <see cref="Bucket"/>; null for a text that is not one.</summary>
    public static (FocusArea Area, Guid Owner, CommitmentStage Stage)? ParseBucket(string bucket)
    {
        var parts = (bucket ?? "").Split('|');
        return parts.Length == 3 && Enum.TryParse<FocusArea>(parts[0], out var area) && Guid.TryParse(parts[1], out var owner)
               && Enum.TryParse<CommitmentStage>(parts[2], out var stage)
            ? (area, owner, stage)
            : null;
    }
}

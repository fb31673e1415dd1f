namespace Collaboration.Domain.Commitments;

/// <summary>The derived, user-facing status of a commitment on a given day (see <see cref="CommitmentStatusCalculator"/>).</summary>
public enum CommitmentStatus
{
    /// <summary>未开始: nothing approved and no milestone done yet.</summary>
    NotStarted = 1,

    /// <summary>正常推进</summary>
    OnTrack = 2,

    /// <summary>存在风险: an open milestone is late, or progress lags the plan close to the due date.</summary>
    AtRisk = 3,

    /// <summary>已逾期: the due date has passed and the commitment is not complete.</summary>
    Overdue = 4,

    /// <summary>已完成</summary>
    Completed = 5,

    /// <summary>已取消</summary>
    Cancelled = 6,
}

namespace Collaboration.Domain.Commitments;

/// <summary>
/// Completion level in the style of Open Government Partnership commitment assessments, derived from
/// approved progress (see <see cref="CommitmentStatusCalculator.OgpCompletion"/>).
/// </summary>
public enum OgpCompletion
{
    /// <summary>未启动: 0 %.</summary>
    NotStarted = 1,

    /// <summary>有限: more than 0 % and less than 50 %.</summary>
    Limited = 2,

    /// <summary>实质性: 50 % or more, but not completed.</summary>
    Substantial = 3,

    /// <summary>完成: the commitment was completed (100 %).</summary>
    Complete = 4,
}

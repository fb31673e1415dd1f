namespace Collaboration.Api.Live;

/// <summary>The names of the read models, as they appear in <see cref="ViewChange.View"/>.</summary>
public static class ViewNames
{
    /// <summary>Key: memorandum id. Commitments by status, weighted completion, overdue, next due, per focus area and party.</summary>
    public const string MemorandumProgress = "memorandum-progress";

    /// <summary>Key: partner id. Everything one organisation is party to or owns.</summary>
    public const string PartnerPortfolio = "partner-portfolio";

    /// <summary>
    /// Key: commitment id. The commitment as a line of its memorandum's progress; office-only, read through the progress
    /// (ADR 0031) and not carried by the status hub.
    /// </summary>
    public const string MemorandumLine = "memorandum-line";

    /// <summary>Key: commitment id. The commitment with milestones and approved-progress history.</summary>
    public const string CommitmentDetail = "commitment-detail";

    /// <summary>Key: talent case id. One case in the queue with its working-day deadline.</summary>
    public const string TalentCaseQueue = "talent-case-queue";

    /// <summary>Key: feedback id. One feedback item on the board.</summary>
    public const string FeedbackBoard = "feedback-board";

    /// <summary>Key: <c>district</c>. The office's KPIs.</summary>
    public const string DistrictOverview = "district-overview";

    /// <summary>Key: event position (zero-padded). One activity line, scoped like the thing it is about.</summary>
    public const string Activity = "activity";

    /// <summary>Key: partner id.</summary>
    public const string Partners = "partners";

    /// <summary>Key: policy id.</summary>
    public const string Policies = "policies";

    /// <summary>Key: publicity point id. Public, like the policy catalogue.</summary>
    public const string PublicityPoints = "publicity-points";

    /// <summary>Key: memorandum id.</summary>
    public const string Memoranda = "memoranda";

    /// <summary>Key: observer id. Never carries personal details, only the person id.</summary>
    public const string Observers = "observers";
}

using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>Every refusal of <see cref="CommitmentDecider"/>, with its stable code. Codes are API contract: never rename.</summary>
public static class CommitmentErrors
{
    public static DomainError AlreadyExists { get; } = DomainError.Conflict(
        "commitment.already-exists", "This commitment already exists.", "该承诺事项已存在。");

    public static DomainError NotFound { get; } = DomainError.NotFound(
        "commitment.not-found", "No such commitment.", "未找到该承诺事项。");

    public static DomainError NotProposed { get; } = DomainError.Rule(
        "commitment.not-proposed", "Only a proposed commitment can be accepted.", "只有已提出的承诺事项才能被接受。");

    public static DomainError NotAccepted { get; } = DomainError.Rule(
        "commitment.not-accepted", "The commitment has not been accepted yet.", "该承诺事项尚未被接受。");

    public static DomainError Closed { get; } = DomainError.Rule(
        "commitment.closed", "The commitment is completed or cancelled.", "该承诺事项已完成或已取消。");

    public static DomainError NotOwner { get; } = DomainError.Rule(
        "commitment.not-owner", "Only the office or the owner organisation may do this.", "只有区政府办或承诺责任单位可以执行此操作。");

    public static DomainError OfficeOnly { get; } = DomainError.Rule(
        "commitment.office-only", "Only the district office may do this.", "只有区政府办可以执行此操作。");

    public static DomainError MemorandumMismatch { get; } = DomainError.Invalid(
        "commitment.memorandum-mismatch", "The memorandum supplied is not the one this commitment belongs to.", "所提供的备忘录与该承诺事项不符。");

    public static DomainError MemorandumNotActive { get; } = DomainError.Rule(
        "commitment.memorandum-not-active", "The memorandum is not active (draft, suspended, completed or terminated).", "备忘录未处于生效状态（草拟、暂停、已完成或已终止）。");

    public static DomainError OwnerNotParty { get; } = DomainError.Rule(
        "commitment.owner-not-party", "The owner is not a party to the memorandum.", "责任单位不是备忘录的签约方。");

    public static DomainError FocusAreaNotCovered { get; } = DomainError.Rule(
        "commitment.focus-area-not-covered", "The memorandum does not cover this focus area.", "备忘录未涵盖该合作领域。");

    public static DomainError DescriptionRequired { get; } = DomainError.Invalid(
        "commitment.description-required", "A description is required.", "请填写承诺事项说明。");

    public static DomainError WeightInvalid { get; } = DomainError.Invalid(
        "commitment.weight-invalid", "The weight must be greater than zero.", "权重必须大于零。");

    public static DomainError DueDateInPast { get; } = DomainError.Invalid(
        "commitment.due-date-in-past", "The due date cannot be before the proposal date.", "完成期限不能早于提出日期。");

    public static DomainError DueOutsideTerm { get; } = DomainError.Rule(
        "commitment.due-outside-term", "The due date must fall within the memorandum's term.", "完成期限必须在备忘录有效期内。");

    public static DomainError MilestoneAlreadyExists { get; } = DomainError.Conflict(
        "commitment.milestone-already-exists", "This milestone already exists.", "该里程碑已存在。");

    public static DomainError MilestoneNotFound { get; } = DomainError.NotFound(
        "commitment.milestone-not-found", "No such milestone in this commitment.", "该承诺事项中没有此里程碑。");

    public static DomainError MilestoneNotOpen { get; } = DomainError.Rule(
        "commitment.milestone-not-open", "The milestone is already done.", "该里程碑已完成。");

    public static DomainError MilestoneTitleRequired { get; } = DomainError.Invalid(
        "commitment.milestone-title-required", "A milestone title is required.", "请填写里程碑名称。");

    public static DomainError MilestoneShareInvalid { get; } = DomainError.Invalid(
        "commitment.milestone-share-invalid", "A milestone's share must be more than 0 and at most 100 percent.", "里程碑占比必须大于0且不超过100%。");

    public static DomainError MilestoneSharesExceedTotal { get; } = DomainError.Rule(
        "commitment.milestone-shares-exceed-total", "Milestone shares would add up to more than 100 percent.", "里程碑占比合计将超过100%。");

    public static DomainError MilestoneLimitReached { get; } = DomainError.Rule(
        "commitment.milestone-limit-reached", "A commitment has at most 200 milestones.", "一项承诺事项最多可设200个里程碑。");

    public static DomainError MilestoneDueOutOfRange { get; } = DomainError.Invalid(
        "commitment.milestone-due-out-of-range", "A milestone's due date must be between today and the commitment's due date.", "里程碑期限必须在今天与承诺事项完成期限之间。");

    public static DomainError RescheduleReasonRequired { get; } = DomainError.Invalid(
        "commitment.reschedule-reason-required", "A reason is required to reschedule a milestone.", "调整里程碑期限须说明理由。");

    public static DomainError RescheduleDateUnchanged { get; } = DomainError.Invalid(
        "commitment.reschedule-date-unchanged", "The new due date is the same as the current one.", "新期限与原期限相同。");

    public static DomainError ProgressPercentInvalid { get; } = DomainError.Invalid(
        "commitment.progress-percent-invalid", "Progress must be between 0 and 100 percent.", "进展百分比必须在0到100之间。");

    public static DomainError ProgressNarrativeRequired { get; } = DomainError.Invalid(
        "commitment.progress-narrative-required", "A progress narrative is required.", "请填写进展说明。");

    public static DomainError ProgressAsOfInvalid { get; } = DomainError.Invalid(
        "commitment.progress-as-of-invalid", "The as-of date must be between the proposal date and today.", "进展截止日期必须在提出日期与今天之间。");

    public static DomainError ReportAlreadyExists { get; } = DomainError.Conflict(
        "commitment.report-already-exists", "This progress report already exists.", "该进展报告已存在。");

    public static DomainError ReportPending { get; } = DomainError.Conflict(
        "commitment.report-pending", "Another progress report is waiting for review.", "另一份进展报告正在等待审核。");

    public static DomainError ReportLimitReached { get; } = DomainError.Rule(
        "commitment.report-limit-reached", "A commitment has at most 1,000 progress reports.", "一项承诺事项最多可提交1000份进展报告。");

    public static DomainError ReportNotFound { get; } = DomainError.NotFound(
        "commitment.report-not-found", "No such progress report in this commitment.", "该承诺事项中没有此进展报告。");

    public static DomainError ReportNotPending { get; } = DomainError.Rule(
        "commitment.report-not-pending", "The progress report has already been reviewed.", "该进展报告已审核。");

    public static DomainError ReturnReasonRequired { get; } = DomainError.Invalid(
        "commitment.return-reason-required", "A reason is required to return a progress report.", "退回进展报告须说明理由。");

    public static DomainError MilestonesIncomplete { get; } = DomainError.Rule(
        "commitment.milestones-incomplete", "Every milestone must be done before the commitment is completed.", "所有里程碑完成后才能完成承诺事项。");

    public static DomainError CancelReasonRequired { get; } = DomainError.Invalid(
        "commitment.cancel-reason-required", "A reason is required to cancel a commitment.", "取消承诺事项须说明理由。");

    public static DomainError ExternalReferenceInvalid { get; } = DomainError.Invalid(
        "commitment.external-reference-invalid",
        "An external reference is 1 to 100 letters, digits or - _ . / : (spaces become -).",
        "外部编号须为1至100个字母、数字或 - _ . / :（空格视为 -）。");

    public static DomainError ExternalReferenceMismatch { get; } = DomainError.Invalid(
        "commitment.external-reference-mismatch",
        "A commitment with an external reference has the id derived from its memorandum and that reference.",
        "带外部编号的承诺事项，其编号须由备忘录与该外部编号推导得出。");
}

using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>Every refusal of the talent-case decider, with its stable code.</summary>
public static class TalentCaseErrors
{
    public static readonly DomainError NotOpened = DomainError.NotFound(
        "talent-case.not-opened", "The talent-service case has not been opened.", "该人才服务事项尚未受理。");

    public static readonly DomainError AlreadyOpened = DomainError.Conflict(
        "talent-case.already-opened", "The talent-service case is already open.", "该人才服务事项已受理。");

    public static readonly DomainError OfficeOnly = DomainError.Rule(
        "talent-case.office-only", "Only the district office may do this.", "仅区政府工作人员可执行此操作。");

    public static readonly DomainError NotReferrer = DomainError.Rule(
        "talent-case.not-referrer", "Only the office or the partner that referred the case may do this.", "仅区政府或推荐该事项的合作单位可执行此操作。");

    public static readonly DomainError ReferrerMismatch = DomainError.Rule(
        "talent-case.referrer-mismatch", "A partner may only open cases it refers itself.", "合作单位只能受理由其本单位推荐的事项。");

    public static readonly DomainError TalentNameRequired = DomainError.Invalid(
        "talent-case.talent-name-required", "The talent's name is required.", "人才姓名不能为空。");

    public static readonly DomainError TalentContactRequired = DomainError.Invalid(
        "talent-case.talent-contact-required", "An e-mail address or a phone number is required.", "须提供电子邮箱或电话号码。");

    public static readonly DomainError TalentEmailInvalid = DomainError.Invalid(
        "talent-case.talent-email-invalid", "The e-mail address is not valid.", "电子邮箱格式不正确。");

    public static readonly DomainError NationalityInvalid = DomainError.Invalid(
        "talent-case.nationality-invalid", "Nationality must be an ISO 3166-1 alpha-2 code such as RO or CN.", "国籍须为 ISO 3166-1 两位字母代码（如 RO、CN）。");

    public static readonly DomainError UnknownService = DomainError.Invalid(
        "talent-case.unknown-service", "Unknown service or talent category.", "未知的服务类型或人才类别。");

    public static readonly DomainError DateBeforeOpening = DomainError.Invalid(
        "talent-case.date-before-opening", "The date is earlier than the date the case was opened.", "日期早于受理日期。");

    public static readonly DomainError Closed = DomainError.Rule(
        "talent-case.closed", "The case is resolved or rejected; reopen it first.", "该事项已办结或已退回，请先重新启用。");

    public static readonly DomainError DepartmentRequired = DomainError.Invalid(
        "talent-case.department-required", "A department is required.", "承办部门不能为空。");

    public static readonly DomainError OfficerRequired = DomainError.Invalid(
        "talent-case.officer-required", "An officer is required.", "承办人不能为空。");

    public static readonly DomainError AlreadyAssigned = DomainError.Conflict(
        "talent-case.already-assigned", "The case is already assigned to this department and officer.", "该事项已分派给该部门及承办人。");

    public static readonly DomainError NoteRequired = DomainError.Invalid(
        "talent-case.note-required", "The note is empty.", "备注内容不能为空。");

    public static readonly DomainError NoteTooLong = DomainError.Invalid(
        "talent-case.note-too-long", "The note is longer than 4000 characters.", "备注不能超过4000字。");

    public static readonly DomainError RequestRequired = DomainError.Invalid(
        "talent-case.request-required", "Say what information is requested.", "请说明需补充的材料。");

    public static readonly DomainError InformationAlreadyRequested = DomainError.Conflict(
        "talent-case.information-already-requested", "An information request is already open.", "已有尚未答复的补充材料要求。");

    public static readonly DomainError NoOpenRequest = DomainError.Rule(
        "talent-case.no-open-request", "No information request is open.", "当前没有待补充的材料要求。");

    public static readonly DomainError ReceivedBeforeRequest = DomainError.Invalid(
        "talent-case.received-before-request", "Information cannot be received before it was requested.", "材料接收日期不能早于要求日期。");

    public static readonly DomainError ReasonRequired = DomainError.Invalid(
        "talent-case.reason-required", "A reason is required.", "须说明理由。");

    public static readonly DomainError AlreadyExtended = DomainError.Rule(
        "talent-case.already-extended", "The deadline has already been extended once.", "办理时限已延长过一次。");

    public static readonly DomainError ExtensionOutOfRange = DomainError.Invalid(
        "talent-case.extension-out-of-range", "An extension is 1 to 15 working days.", "延期须为1至15个工作日。");

    public static readonly DomainError EscalationNotHigher = DomainError.Rule(
        "talent-case.escalation-not-higher", "The case is already escalated to this level or higher.", "该事项已升级至同级或更高层级。");

    public static readonly DomainError AwaitingInformation = DomainError.Rule(
        "talent-case.awaiting-information", "The case is waiting for the applicant's information; record its receipt or reject the case.", "该事项正在等待申请人补充材料，请先登记材料接收或退回。");

    public static readonly DomainError OutcomeRequired = DomainError.Invalid(
        "talent-case.outcome-required", "The outcome is required.", "办理结果不能为空。");

    public static readonly DomainError NotClosed = DomainError.Rule(
        "talent-case.not-closed", "Only a resolved or rejected case can be reopened.", "仅已办结或已退回的事项可以重新启用。");

    public static readonly DomainError ReopenWindowClosed = DomainError.Rule(
        "talent-case.reopen-window-closed", "A case can be reopened only within 30 days of being closed.", "事项办结或退回后30日内方可重新启用。");

    public static readonly DomainError NotResolved = DomainError.Rule(
        "talent-case.not-resolved", "Satisfaction can be recorded only for a resolved case.", "仅已办结事项可登记满意度。");

    public static readonly DomainError SatisfactionOutOfRange = DomainError.Invalid(
        "talent-case.satisfaction-out-of-range", "Satisfaction is a score from 1 to 5.", "满意度须为1至5分。");

    public static readonly DomainError SatisfactionAlreadyRecorded = DomainError.Conflict(
        "talent-case.satisfaction-already-recorded", "Satisfaction has already been recorded for this resolution.", "本次办结已登记满意度。");
}

using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

/// <summary>Every refusal of the Feedback aggregate, in one place so the codes stay stable and documented.</summary>
public static class FeedbackErrors
{
    public static readonly DomainError NotFound = DomainError.NotFound(
        "feedback.not-found", "No feedback has been submitted under this id.", "未找到该意见建议。");

    public static readonly DomainError AlreadySubmitted = DomainError.Conflict(
        "feedback.already-submitted", "This feedback has already been submitted.", "该意见建议已提交。");

    public static readonly DomainError NotTheObserver = DomainError.Rule(
        "feedback.not-the-observer", "Feedback can only be submitted by the observer themself.", "意见建议只能由观察员本人提交。");

    public static readonly DomainError ObserverNotActive = DomainError.Rule(
        "feedback.observer-not-active", "The observer's term has not begun or has ended on this date.", "该日期不在观察员任期之内。");

    public static readonly DomainError TopicRequired = DomainError.Invalid(
        "feedback.topic-required", "A topic is required, at least in the language the feedback is written in.", "须填写主题，至少使用意见建议的撰写语言。");

    public static readonly DomainError TopicTooLong = DomainError.Invalid(
        "feedback.topic-too-long", $"The topic may have at most {FeedbackRules.MaxTopicLength} characters.", $"主题不得超过 {FeedbackRules.MaxTopicLength} 个字符。");

    public static readonly DomainError LanguageUnknown = DomainError.Invalid(
        "feedback.language-unknown", "Feedback is written in Chinese or English.", "意见建议须使用中文或英文撰写。");

    public static readonly DomainError TextRequired = DomainError.Invalid(
        "feedback.text-required", "The feedback text is required.", "须填写意见建议正文。");

    public static readonly DomainError TextTooLong = DomainError.Invalid(
        "feedback.text-too-long", $"The feedback text may have at most {FeedbackRules.MaxTextLength} characters.", $"意见建议正文不得超过 {FeedbackRules.MaxTextLength} 个字符。");

    public static readonly DomainError OfficeOnly = DomainError.Rule(
        "feedback.office-only", "Only the district office may do this.", "只有区政府办公室可以执行此操作。");

    public static readonly DomainError AlreadyAcknowledged = DomainError.Conflict(
        "feedback.already-acknowledged", "This feedback has already been acknowledged.", "该意见建议已确认收悉。");

    public static readonly DomainError NotAcknowledged = DomainError.Rule(
        "feedback.not-acknowledged", "Acknowledge the feedback before routing it.", "请先确认收悉再转办。");

    public static readonly DomainError AlreadyAnswered = DomainError.Conflict(
        "feedback.already-answered", "This feedback has already been answered.", "该意见建议已答复。");

    public static readonly DomainError NotAGovernmentDepartment = DomainError.Rule(
        "feedback.not-a-government-department", "Feedback can only be routed to a government department.", "意见建议只能转交政府部门办理。");

    public static readonly DomainError DepartmentNameRequired = DomainError.Invalid(
        "feedback.department-name-required", "The department's name is required.", "须提供部门名称。");

    public static readonly DomainError AlreadyRoutedThere = DomainError.Conflict(
        "feedback.already-routed-to-department", "The feedback is already with this department.", "该意见建议已在此部门办理。");

    public static readonly DomainError NotRouted = DomainError.Rule(
        "feedback.not-routed", "The feedback has not been routed to a department yet.", "该意见建议尚未转交部门。");

    public static readonly DomainError NotTheRoutedDepartment = DomainError.Rule(
        "feedback.not-the-routed-department", "Only the department the feedback was routed to, or the office, may answer.", "只有承办部门或区政府办公室可以答复。");

    public static readonly DomainError AnswerNeedsBothLanguages = DomainError.Invalid(
        "feedback.answer-needs-both-languages", "The answer must be given in both Chinese and English.", "答复须同时提供中文和英文。");

    public static readonly DomainError AnswerTooLong = DomainError.Invalid(
        "feedback.answer-too-long", $"Each language of the answer may have at most {FeedbackRules.MaxAnswerLength} characters.", $"答复每种语言不得超过 {FeedbackRules.MaxAnswerLength} 个字符。");

    public static readonly DomainError NotAnswered = DomainError.Rule(
        "feedback.not-answered", "The feedback has not been answered yet.", "该意见建议尚未答复。");

    public static readonly DomainError NotTheSubmitter = DomainError.Rule(
        "feedback.not-the-submitter", "Only the observer who submitted the feedback may rate the answer.", "只有提交意见建议的观察员可以评价答复。");

    public static readonly DomainError RatingOutOfRange = DomainError.Invalid(
        "feedback.rating-out-of-range", $"A rating is {FeedbackRules.MinRating} to {FeedbackRules.MaxRating} stars.", $"评价须为 {FeedbackRules.MinRating} 至 {FeedbackRules.MaxRating} 星。");

    public static readonly DomainError AlreadyRated = DomainError.Conflict(
        "feedback.already-rated", "The answer has already been rated.", "该答复已评价。");

    public static readonly DomainError AlreadyPublished = DomainError.Conflict(
        "feedback.already-published", "The feedback is already published.", "该意见建议已公开。");

    public static readonly DomainError AlreadyPrivate = DomainError.Conflict(
        "feedback.already-private", "The feedback is already kept private.", "该意见建议已设为不公开。");

    public static readonly DomainError ReasonRequired = DomainError.Invalid(
        "feedback.reason-required", "Give a reason for keeping the feedback private.", "请说明不公开的理由。");
}

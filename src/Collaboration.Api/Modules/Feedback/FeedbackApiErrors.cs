using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.Feedback;

/// <summary>Refusals the application raises before the decider runs, because they concern another stream.</summary>
public static class FeedbackApiErrors
{
    public static readonly DomainError ObserverNotAppointed = DomainError.Rule(
        "feedback.observer-not-appointed",
        "Your account names an observer who was never appointed.",
        "您的账号对应的观察员尚未聘任。");

    public static readonly DomainError PolicyUnknown = DomainError.Rule(
        "feedback.policy-unknown",
        "The policy the feedback refers to does not exist.",
        "意见建议所涉及的政策不存在。");

    public static readonly DomainError DepartmentUnknown = DomainError.Rule(
        "feedback.department-unknown",
        "The department is not in the partner register.",
        "承办部门不在合作单位名录中。");

    public static readonly DomainError DepartmentInactive = DomainError.Rule(
        "feedback.department-inactive",
        "The department has been deactivated and cannot answer.",
        "承办部门已停用，无法答复。");
}

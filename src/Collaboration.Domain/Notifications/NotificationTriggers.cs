using System.Globalization;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.TalentCases;

namespace Collaboration.Domain.Notifications;

/// <summary>Which recorded events are worth a notification, and their headlines. Pure: the reactor decides recipients.</summary>
public static class NotificationTriggers
{
    /// <summary>The trigger an event at <paramref name="position"/> on <paramref name="stream"/> raises, or null.</summary>
    public static NotificationTrigger? Of(object @event, string stream, long position)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var key = "event:" + position.ToString(CultureInfo.InvariantCulture);
        NotificationTrigger T(NotificationKind kind, string zh, string en, DateTimeOffset at) => new(kind, stream, key, new BilingualText(zh, en), at);
        return @event switch
        {
            CommitmentAccepted e => T(NotificationKind.StatusChanged, "承诺已接受", "Commitment accepted", e.At),
            CommitmentCompleted e => T(NotificationKind.StatusChanged, "承诺已完成", "Commitment completed", e.At),
            CommitmentCancelled e => T(NotificationKind.StatusChanged, "承诺已取消", "Commitment cancelled", e.At),
            CommitmentProgressReported e => T(NotificationKind.ReportSubmitted, "进展报告已提交", "Progress report submitted", e.At),
            ProgressReportApproved e => T(NotificationKind.ReportApproved, $"进展报告已通过（{e.Percent:0.##}%）", $"Progress report approved ({e.Percent:0.##} %)", e.At),
            ProgressReportReturned e => T(NotificationKind.ReportReturned, "进展报告被退回", "Progress report returned", e.At),
            TalentCaseAssigned e => T(NotificationKind.CaseAssigned, "人才服务事项已分派", "Talent case assigned", e.At),
            TalentCaseInformationRequested e => T(NotificationKind.InformationRequested, "人才服务事项需补充材料", "Information requested on a talent case", e.At),
            TalentCaseEscalated e => T(NotificationKind.Escalated, "人才服务事项已升级督办", "Talent case escalated", e.At),
            TalentCaseResolved e => T(NotificationKind.StatusChanged, "人才服务事项已办结", "Talent case resolved", e.At),
            TalentCaseRejected e => T(NotificationKind.StatusChanged, "人才服务事项不予受理", "Talent case rejected", e.At),
            TalentCaseReopened e => T(NotificationKind.StatusChanged, "人才服务事项已重新办理", "Talent case reopened", e.At),
            FeedbackRouted e => T(NotificationKind.StatusChanged, "意见建议已转交部门", "Feedback routed to a department", e.At),
            FeedbackAnswered e => T(NotificationKind.FeedbackAnswered, "意见建议已答复", "Feedback answered", e.At),
            FeedbackPublished e => T(NotificationKind.FeedbackPublished, "意见建议答复已公开", "Feedback answer published", e.At),
            PolicyPackageDelivered e => T(NotificationKind.PackageDelivered, "政策服务包已送达", "Policy service package delivered", e.At),
            MemorandumSigned e => T(NotificationKind.StatusChanged, "合作备忘录已签署", "Memorandum signed", e.At),
            MemorandumSuspended e => T(NotificationKind.StatusChanged, "合作备忘录已暂停", "Memorandum suspended", e.At),
            MemorandumResumed e => T(NotificationKind.StatusChanged, "合作备忘录已恢复", "Memorandum resumed", e.At),
            MemorandumTerminated e => T(NotificationKind.StatusChanged, "合作备忘录已终止", "Memorandum terminated", e.At),
            MemorandumCompleted e => T(NotificationKind.StatusChanged, "合作备忘录已履行完毕", "Memorandum completed", e.At),
            _ => null,
        };
    }
}

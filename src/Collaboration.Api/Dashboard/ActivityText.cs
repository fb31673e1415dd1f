using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Dashboard;

/// <summary>
/// An activity line's event wire name (<c>commitment.progress-approved.v1</c>) in words. Wire names are stable by
/// design, so they are a safe key; an unknown one is shown as sent.
/// </summary>
public static class ActivityText
{
    private static readonly Dictionary<string, (string Zh, string En)> Names = new()
    {
        ["commitment.accepted"] = ("合作事项已确认", "Commitment accepted"),
        ["commitment.cancelled"] = ("合作事项已取消", "Commitment cancelled"),
        ["commitment.completed"] = ("合作事项已完成", "Commitment completed"),
        ["commitment.milestone-added"] = ("新增里程碑", "Milestone added"),
        ["commitment.milestone-completed"] = ("里程碑已完成", "Milestone completed"),
        ["commitment.milestone-rescheduled"] = ("里程碑已调整", "Milestone rescheduled"),
        ["commitment.progress-approved"] = ("进度报告已审核通过", "Progress report approved"),
        ["commitment.progress-reported"] = ("已报送进度", "Progress reported"),
        ["commitment.progress-returned"] = ("进度报告已退回", "Progress report returned"),
        ["commitment.proposed"] = ("提出合作事项", "Commitment proposed"),
        ["feedback.acknowledged"] = ("意见建议已受理", "Feedback acknowledged"),
        ["feedback.answer-rated"] = ("答复已评价", "Answer rated"),
        ["feedback.answered"] = ("意见建议已答复", "Feedback answered"),
        ["feedback.kept-private"] = ("答复不公开", "Answer kept private"),
        ["feedback.published"] = ("答复已公开", "Answer published"),
        ["feedback.routed"] = ("意见建议已转办", "Feedback routed"),
        ["feedback.submitted"] = ("提交意见建议", "Feedback submitted"),
        ["memorandum.amended"] = ("备忘录已修订", "Memorandum amended"),
        ["memorandum.completed"] = ("备忘录已履行完毕", "Memorandum completed"),
        ["memorandum.drafted"] = ("起草备忘录", "Memorandum drafted"),
        ["memorandum.package-acknowledged"] = ("政策服务包已签收", "Policy service package acknowledged"),
        ["memorandum.package-delivered"] = ("发放政策服务包", "Policy service package delivered"),
        ["memorandum.party-added"] = ("新增合作方", "Party added"),
        ["memorandum.party-removed"] = ("移除合作方", "Party removed"),
        ["memorandum.published"] = ("备忘录已公开", "Memorandum published"),
        ["memorandum.resumed"] = ("备忘录恢复执行", "Memorandum resumed"),
        ["memorandum.signed"] = ("备忘录已签署", "Memorandum signed"),
        ["memorandum.suspended"] = ("备忘录暂停执行", "Memorandum suspended"),
        ["memorandum.terminated"] = ("备忘录已终止", "Memorandum terminated"),
        ["observer.appointed"] = ("聘任政务公开观察员", "Observer appointed"),
        ["observer.term-ended"] = ("观察员任期结束", "Observer's term ended"),
        ["observer.term-extended"] = ("观察员任期延长", "Observer's term extended"),
        ["partner.deactivated"] = ("合作单位已停用", "Partner deactivated"),
        ["partner.details-updated"] = ("合作单位信息已更新", "Partner details updated"),
        ["partner.registered"] = ("登记合作单位", "Partner registered"),
        ["policy.published"] = ("发布政策", "Policy published"),
        ["policy.retired"] = ("政策已废止", "Policy retired"),
        ["policy.revised"] = ("政策已修订", "Policy revised"),
        ["publicity-point.designated"] = ("认定政策宣传点", "Publicity point designated"),
        ["publicity-point.revised"] = ("政策宣传点已更新", "Publicity point revised"),
        ["publicity-point.withdrawn"] = ("政策宣传点已撤销", "Publicity point withdrawn"),
        ["talent-case.assigned"] = ("人才事项已分派", "Talent case assigned"),
        ["talent-case.deadline-extended"] = ("办理时限已延长", "Deadline extended"),
        ["talent-case.escalated"] = ("人才事项已督办", "Talent case escalated"),
        ["talent-case.information-received"] = ("已收到补充材料", "Information received"),
        ["talent-case.information-requested"] = ("要求补充材料", "Information requested"),
        ["talent-case.note-added"] = ("新增办理记录", "Note added"),
        ["talent-case.opened"] = ("受理人才服务事项", "Talent case opened"),
        ["talent-case.rejected"] = ("人才事项不予受理", "Talent case rejected"),
        ["talent-case.reopened"] = ("人才事项重新办理", "Talent case reopened"),
        ["talent-case.resolved"] = ("人才事项已办结", "Talent case resolved"),
        ["talent-case.satisfaction-recorded"] = ("已记录满意度", "Satisfaction recorded"),
    };

    public static string Describe(string? wireName, Language language)
    {
        if (string.IsNullOrEmpty(wireName))
        {
            return string.Empty;
        }

        var lastDot = wireName.LastIndexOf('.');
        var unversioned = lastDot > 0 && wireName[(lastDot + 1)..].StartsWith('v') ? wireName[..lastDot] : wireName;
        return Names.TryGetValue(unversioned, out var name) ? (language == Language.Zh ? name.Zh : name.En) : wireName;
    }
}

using System.Globalization;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Dashboard;

/// <summary>
/// Every word the dashboard shows, one instance per language. A typed record rather than resource files: a
/// missing label is a compile error, and both languages sit side by side for review.
/// </summary>
public sealed record DashboardLabels
{
    public static DashboardLabels En { get; } = new()
    {
        Language = Language.En,
        AppTitle = "Hongkou Government–Society Collaboration",
        Overview = "District overview",
        Memoranda = "Memoranda",
        Commitments = "Commitments",
        Partner = "Partner view",
        Partners = "Partners",
        TalentCases = "Talent-case queue",
        Feedback = "Feedback board",
        Activity = "Activity",
        Notifications = "Notifications",
        UnreadNotifications = "unread notifications",
        MarkAllRead = "Mark all read",
        SignOut = "Sign out",
        SignedInAs = "Signed in as",
        Live = "Live",
        LastChange = "Last change at position",
        Loading = "Loading…",
        NoData = "Nothing to show yet.",
        NotVisible = "Not found, or not visible to you.",
        KeyFigures = "Key figures",
        WeightedCompletion = "Weighted completion",
        CompletionOverTime = "Completion over time",
        ByFocusArea = "By focus area",
        ByParty = "By party",
        ByStatus = "By status",
        Overdue = "Overdue",
        OverdueOnly = "Overdue only",
        NextDue = "Next due",
        Parties = "Parties",
        Term = "Term",
        Status = "Status",
        Stage = "Stage",
        FocusArea = "Focus area",
        Owner = "Owner",
        DueDate = "Due date",
        Weight = "Weight",
        Progress = "Progress",
        Description = "Description",
        Title = "Title",
        Kind = "Kind",
        Name = "Name",
        All = "All",
        Count = "Commitments",
        Milestones = "Milestones",
        Service = "Service",
        Category = "Category",
        Department = "Department",
        Officer = "Officer",
        Deadline = "Deadline",
        TimeLeft = "Time left",
        Paused = "Paused (awaiting information)",
        Closed = "Closed",
        Escalation = "Escalation",
        OpenColumn = "Open",
        AnsweredColumn = "Answered",
        PublishedColumn = "Published",
        Topic = "Topic",
        AnswerDue = "Answer due",
        AnsweredOn = "Answered on",
        SubmittedOn = "Submitted on",
        When = "When",
        What = "What",
        ChoosePartner = "Partner",
        OwnOrganisationOnly = "You see your own organisation only.",
        Role = "Role",
        Organisation = "Organisation",
        Observer = "Observer",
        AuditTrail = "Audit trail",
        Imports = ImportPageLabels.En,
        AuditLog = "Event log",
        NotAuthorised = "You are not authorised to view this page. The audit trail is open to the district office and auditors.",
        Stream = "Stream",
        Module = "Module",
        EventType = "Event type",
        Actor = "Actor",
        From = "From",
        To = "To",
        Apply = "Apply",
        Clear = "Clear",
        Position = "Position",
        Hash = "Hash",
        PreviousPage = "Previous",
        NextPage = "Next",
        ScannedTo = "Scanned to position",
        Timeline = "Timeline",
        OpenTimeline = "Open timeline",
        Item = "Item",
        NoChange = "No change to the item's state",
        AsOf = "As of",
        ShanghaiTime = "Shanghai time (UTC+8)",
        AsOfPosition = "Last contributing position",
        Now = "Now",
        ChainVerifiedUpTo = position => $"Chain verified ✓ up to position {position}",
        ChainBrokenAt = position => $"Chain broken at position {position}",
        Roles = new Dictionary<string, string>
        {
            ["office"] = "District office",
            ["auditor"] = "Auditor",
            ["partner"] = "Partner",
            ["observer"] = "Observer",
        },
        Values = new Dictionary<string, string>
        {
            ["NotStarted"] = "Not started", ["OnTrack"] = "On track", ["AtRisk"] = "At risk", ["Overdue"] = "Overdue",
            ["Completed"] = "Completed", ["Cancelled"] = "Cancelled", ["Proposed"] = "Proposed", ["Accepted"] = "Accepted",
            ["HighLevelTalentServices"] = "High-level talent services", ["DomesticInvestmentPromotion"] = "Domestic investment promotion",
            ["ForeignInvestmentPromotion"] = "Foreign investment promotion", ["ParkIndustrialPolicy"] = "Industrial policy in parks",
            ["PolicyPublicity"] = "Policy publicity",
            ["Draft"] = "Draft", ["Active"] = "Active", ["Suspended"] = "Suspended", ["Terminated"] = "Terminated",
            ["Open"] = "Open", ["Assigned"] = "Assigned", ["AwaitingInformation"] = "Awaiting information", ["Resolved"] = "Resolved", ["Rejected"] = "Rejected",
            ["WorkPermit"] = "Work permit", ["ResidencePermit"] = "Residence permit", ["Housing"] = "Housing", ["ChildrenSchooling"] = "Children's schooling",
            ["MedicalCare"] = "Medical care", ["BusinessRegistration"] = "Business registration", ["Other"] = "Other",
            ["ForeignHighEndA"] = "Foreign high-end talent (A)", ["ForeignProfessionalB"] = "Foreign professional (B)", ["ForeignOtherC"] = "Other foreign staff (C)",
            ["DomesticHighLevel"] = "Domestic high-level talent", ["ReturnedOverseas"] = "Returned from overseas",
            ["Submitted"] = "Submitted", ["Acknowledged"] = "Acknowledged", ["Routed"] = "Routed", ["Answered"] = "Answered", ["Published"] = "Published", ["KeptPrivate"] = "Kept private",
            ["ChamberOfCommerce"] = "Chamber of commerce", ["IndustryAssociation"] = "Industry association", ["IndustrialPark"] = "Industrial park",
            ["Enterprise"] = "Enterprise", ["GovernmentDepartment"] = "Government department",
            ["Deactivated"] = "Deactivated", ["DistrictOffice"] = "District office", ["PartnerOrganisation"] = "Partner organisation",
            ["SectionHead"] = "Section head", ["BureauLeadership"] = "Bureau leadership", ["DistrictLeadership"] = "District leadership",
        },
        Fields = new Dictionary<string, string>
        {
            ["partners"] = "Partners", ["activePartners"] = "Active partners", ["memoranda"] = "Memoranda", ["activeMemoranda"] = "Active memoranda",
            ["signedMemoranda"] = "Signed memoranda", ["commitments"] = "Commitments", ["openCommitments"] = "Open commitments",
            ["overdueCommitments"] = "Overdue commitments", ["atRiskCommitments"] = "Commitments at risk", ["completedCommitments"] = "Completed commitments",
            ["weightedCompletion"] = "Weighted completion %", ["talentCases"] = "Talent cases", ["openTalentCases"] = "Open talent cases",
            ["breaches"] = "Deadline breaches", ["breachedTalentCases"] = "Deadline breaches", ["remindersDue"] = "Reminders due",
            ["feedback"] = "Feedback items", ["openFeedback"] = "Open feedback", ["answeredFeedback"] = "Answered feedback",
            ["publishedFeedback"] = "Published answers", ["observers"] = "Observers", ["policies"] = "Policies", ["packages"] = "Policy service packages",
        },
        WorkingDaysLeft = days => days == 1 ? "1 working day left" : $"{days} working days left",
        DueToday = "Due today",
        BreachedBy = days => days == 1 ? "Late by 1 working day" : $"Late by {days} working days",
    };

    public static DashboardLabels Zh { get; } = new()
    {
        Language = Language.Zh,
        AppTitle = "虹口区政社合作",
        Overview = "全区概览",
        Memoranda = "合作备忘录",
        Commitments = "合作事项",
        Partner = "合作单位视图",
        Partners = "合作单位",
        TalentCases = "人才服务事项",
        Feedback = "意见建议",
        Activity = "动态",
        Notifications = "通知",
        UnreadNotifications = "条未读通知",
        MarkAllRead = "全部标记为已读",
        SignOut = "退出登录",
        SignedInAs = "当前用户",
        Live = "实时",
        LastChange = "最近变更位置",
        Loading = "加载中…",
        NoData = "暂无数据。",
        NotVisible = "未找到，或您无权查看。",
        KeyFigures = "关键指标",
        WeightedCompletion = "加权完成度",
        CompletionOverTime = "完成度变化",
        ByFocusArea = "按合作领域",
        ByParty = "按合作方",
        ByStatus = "按状态",
        Overdue = "已逾期",
        OverdueOnly = "仅看逾期",
        NextDue = "即将到期",
        Parties = "合作方",
        Term = "合作期限",
        Status = "状态",
        Stage = "阶段",
        FocusArea = "合作领域",
        Owner = "责任单位",
        DueDate = "截止日期",
        Weight = "权重",
        Progress = "进度",
        Description = "内容",
        Title = "标题",
        Kind = "类型",
        Name = "名称",
        All = "全部",
        Count = "事项数",
        Milestones = "里程碑",
        Service = "服务事项",
        Category = "人才类别",
        Department = "承办部门",
        Officer = "经办人",
        Deadline = "办结时限",
        TimeLeft = "剩余时间",
        Paused = "已暂停（等待补充材料）",
        Closed = "已办结",
        Escalation = "督办层级",
        OpenColumn = "待答复",
        AnsweredColumn = "已答复",
        PublishedColumn = "已公开",
        Topic = "主题",
        AnswerDue = "答复期限",
        AnsweredOn = "答复日期",
        SubmittedOn = "提交日期",
        When = "时间",
        What = "事项",
        ChoosePartner = "合作单位",
        OwnOrganisationOnly = "您只能查看本单位的信息。",
        Role = "角色",
        Organisation = "单位",
        Observer = "观察员",
        AuditTrail = "审计追溯",
        Imports = ImportPageLabels.Zh,
        AuditLog = "事件日志",
        NotAuthorised = "您无权查看此页面。审计追溯仅向区政府办公室和审计人员开放。",
        Stream = "事项流",
        Module = "模块",
        EventType = "事件类型",
        Actor = "操作人",
        From = "起",
        To = "止",
        Apply = "查询",
        Clear = "清除",
        Position = "位置",
        Hash = "哈希",
        PreviousPage = "上一页",
        NextPage = "下一页",
        ScannedTo = "已扫描至位置",
        Timeline = "时间线",
        OpenTimeline = "查看时间线",
        Item = "事项",
        NoChange = "事项状态无变化",
        AsOf = "截至",
        ShanghaiTime = "上海时间（UTC+8）",
        AsOfPosition = "最后计入位置",
        Now = "当前",
        ChainVerifiedUpTo = position => $"哈希链已校验 ✓ 至位置 {position}",
        ChainBrokenAt = position => $"哈希链在位置 {position} 处断裂",
        Roles = new Dictionary<string, string>
        {
            ["office"] = "区政府办公室",
            ["auditor"] = "审计",
            ["partner"] = "合作单位",
            ["observer"] = "政务公开观察员",
        },
        Values = new Dictionary<string, string>
        {
            ["NotStarted"] = "未开始", ["OnTrack"] = "正常推进", ["AtRisk"] = "存在风险", ["Overdue"] = "已逾期",
            ["Completed"] = "已完成", ["Cancelled"] = "已取消", ["Proposed"] = "已提出", ["Accepted"] = "已确认",
            ["HighLevelTalentServices"] = "高层次人才服务", ["DomesticInvestmentPromotion"] = "内资招商",
            ["ForeignInvestmentPromotion"] = "外资招商", ["ParkIndustrialPolicy"] = "园区产业政策落地",
            ["PolicyPublicity"] = "政策宣传",
            ["Draft"] = "草案", ["Active"] = "生效中", ["Suspended"] = "已暂停", ["Terminated"] = "已终止",
            ["Open"] = "待分办", ["Assigned"] = "办理中", ["AwaitingInformation"] = "待补充材料", ["Resolved"] = "已办结", ["Rejected"] = "不予受理",
            ["WorkPermit"] = "工作许可", ["ResidencePermit"] = "居留许可", ["Housing"] = "住房保障", ["ChildrenSchooling"] = "子女入学",
            ["MedicalCare"] = "医疗保障", ["BusinessRegistration"] = "企业登记", ["Other"] = "其他",
            ["ForeignHighEndA"] = "外国高端人才（A类）", ["ForeignProfessionalB"] = "外国专业人才（B类）", ["ForeignOtherC"] = "其他外国人员（C类）",
            ["DomesticHighLevel"] = "国内高层次人才", ["ReturnedOverseas"] = "留学回国人员",
            ["Submitted"] = "已提交", ["Acknowledged"] = "已受理", ["Routed"] = "已转办", ["Answered"] = "已答复", ["Published"] = "已公开", ["KeptPrivate"] = "不公开",
            ["ChamberOfCommerce"] = "商会", ["IndustryAssociation"] = "行业协会", ["IndustrialPark"] = "产业园区",
            ["Enterprise"] = "企业", ["GovernmentDepartment"] = "政府部门",
            ["Deactivated"] = "已停用", ["DistrictOffice"] = "区政府办公室", ["PartnerOrganisation"] = "合作单位",
            ["SectionHead"] = "科室负责人", ["BureauLeadership"] = "委办局领导", ["DistrictLeadership"] = "区领导",
        },
        Fields = new Dictionary<string, string>
        {
            ["partners"] = "合作单位", ["activePartners"] = "在册合作单位", ["memoranda"] = "合作备忘录", ["activeMemoranda"] = "生效备忘录",
            ["signedMemoranda"] = "已签署备忘录", ["commitments"] = "合作事项", ["openCommitments"] = "进行中事项",
            ["overdueCommitments"] = "逾期事项", ["atRiskCommitments"] = "风险事项", ["completedCommitments"] = "已完成事项",
            ["weightedCompletion"] = "加权完成度 %", ["talentCases"] = "人才服务事项", ["openTalentCases"] = "在办人才事项",
            ["breaches"] = "超时事项", ["breachedTalentCases"] = "超时事项", ["remindersDue"] = "待提醒",
            ["feedback"] = "意见建议", ["openFeedback"] = "待答复意见", ["answeredFeedback"] = "已答复意见",
            ["publishedFeedback"] = "已公开答复", ["observers"] = "观察员", ["policies"] = "政策", ["packages"] = "企业政策服务包",
        },
        WorkingDaysLeft = days => $"剩余 {days} 个工作日",
        DueToday = "今日到期",
        BreachedBy = days => $"已超时 {days} 个工作日",
    };

    public required Language Language { get; init; }

    public required string AppTitle { get; init; }

    public required string Overview { get; init; }

    public required string Memoranda { get; init; }

    public required string Commitments { get; init; }

    public required string Partner { get; init; }

    public required string Partners { get; init; }

    public required string TalentCases { get; init; }

    public required string Feedback { get; init; }

    public required string Activity { get; init; }

    public required string Notifications { get; init; }

    public required string UnreadNotifications { get; init; }

    public required string MarkAllRead { get; init; }

    public required string SignOut { get; init; }

    public required string SignedInAs { get; init; }

    public required string Live { get; init; }

    public required string LastChange { get; init; }

    public required string Loading { get; init; }

    public required string NoData { get; init; }

    public required string NotVisible { get; init; }

    public required string KeyFigures { get; init; }

    public required string WeightedCompletion { get; init; }

    public required string CompletionOverTime { get; init; }

    public required string ByFocusArea { get; init; }

    public required string ByParty { get; init; }

    public required string ByStatus { get; init; }

    public required string Overdue { get; init; }

    public required string OverdueOnly { get; init; }

    public required string NextDue { get; init; }

    public required string Parties { get; init; }

    public required string Term { get; init; }

    public required string Status { get; init; }

    public required string Stage { get; init; }

    public required string FocusArea { get; init; }

    public required string Owner { get; init; }

    public required string DueDate { get; init; }

    public required string Weight { get; init; }

    public required string Progress { get; init; }

    public required string Description { get; init; }

    public required string Title { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    public required string All { get; init; }

    public required string Count { get; init; }

    public required string Milestones { get; init; }

    public required string Service { get; init; }

    public required string Category { get; init; }

    public required string Department { get; init; }

    public required string Officer { get; init; }

    public required string Deadline { get; init; }

    public required string TimeLeft { get; init; }

    public required string Paused { get; init; }

    public required string Closed { get; init; }

    public required string Escalation { get; init; }

    public required string OpenColumn { get; init; }

    public required string AnsweredColumn { get; init; }

    public required string PublishedColumn { get; init; }

    public required string Topic { get; init; }

    public required string AnswerDue { get; init; }

    public required string AnsweredOn { get; init; }

    public required string SubmittedOn { get; init; }

    public required string When { get; init; }

    public required string What { get; init; }

    public required string ChoosePartner { get; init; }

    public required string OwnOrganisationOnly { get; init; }

    public required string Role { get; init; }

    public required string Organisation { get; init; }

    public required string Observer { get; init; }

    public required string AuditTrail { get; init; }

    public required string AuditLog { get; init; }

    public required string NotAuthorised { get; init; }

    public required ImportPageLabels Imports { get; init; }

    public required string Stream { get; init; }

    public required string Module { get; init; }

    public required string EventType { get; init; }

    public required string Actor { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required string Apply { get; init; }

    public required string Clear { get; init; }

    public required string Position { get; init; }

    public required string Hash { get; init; }

    public required string PreviousPage { get; init; }

    public required string NextPage { get; init; }

    public required string ScannedTo { get; init; }

    public required string Timeline { get; init; }

    public required string OpenTimeline { get; init; }

    public required string Item { get; init; }

    public required string NoChange { get; init; }

    public required string AsOf { get; init; }

    public required string ShanghaiTime { get; init; }

    public required string AsOfPosition { get; init; }

    public required string Now { get; init; }

    public required Func<long, string> ChainVerifiedUpTo { get; init; }

    public required Func<long, string> ChainBrokenAt { get; init; }

    public required IReadOnlyDictionary<string, string> Roles { get; init; }

    /// <summary>Enum values as the view JSON spells them (e.g. <c>OnTrack</c>) → display text.</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    public required Func<int, string> WorkingDaysLeft { get; init; }

    public required string DueToday { get; init; }

    public required Func<int, string> BreachedBy { get; init; }

    public static DashboardLabels For(Language language) => language == Language.Zh ? Zh : En;

    /// <summary>An enum value's display text; unknown values are shown as sent rather than hidden.</summary>
    public string Value(string? raw) => raw is null ? string.Empty : Values.GetValueOrDefault(raw, raw);

    /// <summary>A KPI or field name from a view document (camelCase) in words, for figures the dashboard has no label for.</summary>
    public string Field(string camelCase) => Fields.GetValueOrDefault(camelCase) ?? Humanise(camelCase);

    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    private static string Humanise(string camelCase)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in camelCase)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(builder.Length == 0 ? char.ToUpper(c, CultureInfo.InvariantCulture) : char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}

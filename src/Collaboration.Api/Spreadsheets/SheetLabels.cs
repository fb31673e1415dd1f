using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Spreadsheets;

/// <summary>
/// The words of the exported workbooks, one instance per language, typed like the dashboard's labels so a missing
/// translation is a compile error. Values of enums (statuses, focus areas, services) come from the dashboard's labels,
/// so a sheet and a screen never name the same thing differently.
/// </summary>
public sealed record SheetLabels
{
    public static SheetLabels En { get; } = new()
    {
        Summary = "Summary",
        ByParty = "By party",
        ByFocusArea = "By focus area",
        Overdue = "Overdue",
        Commitments = "Commitments",
        TalentCases = "Talent-case queue",
        Item = "Item",
        Value = "Value",
        Memorandum = "Memorandum",
        Status = "Status",
        ReportDate = "Report date (Shanghai)",
        WeightedCompletion = "Weighted completion (%)",
        CommitmentCount = "Commitments",
        OverdueCount = "Overdue commitments",
        Party = "Party",
        Role = "Role",
        FocusArea = "Focus area",
        Description = "Commitment",
        Owner = "Owner",
        Stage = "Stage",
        Weight = "Weight",
        ApprovedProgress = "Approved progress (%)",
        DueDate = "Due date",
        NextDueDate = "Next due date",
        Case = "Case",
        Service = "Service",
        Category = "Talent category",
        Nationality = "Nationality",
        Department = "Department",
        Officer = "Officer",
        OpenedOn = "Opened on",
        DueOn = "Deadline",
        WorkingDaysLeft = "Working days left",
        Breached = "Deadline breached",
        Paused = "Clock paused",
        Escalation = "Escalation",
        ReferredBy = "Referred by",
        ClosedOn = "Closed on",
        Yes = "Yes",
        No = "No",
    };

    public static SheetLabels Zh { get; } = new()
    {
        Summary = "概况",
        ByParty = "按合作单位",
        ByFocusArea = "按重点领域",
        Overdue = "逾期事项",
        Commitments = "承诺事项",
        TalentCases = "人才服务事项",
        Item = "项目",
        Value = "数值",
        Memorandum = "合作备忘录",
        Status = "状态",
        ReportDate = "报告日期（北京时间）",
        WeightedCompletion = "加权完成率（%）",
        CommitmentCount = "承诺事项数",
        OverdueCount = "逾期事项数",
        Party = "合作单位",
        Role = "角色",
        FocusArea = "重点领域",
        Description = "承诺事项",
        Owner = "责任单位",
        Stage = "阶段",
        Weight = "权重",
        ApprovedProgress = "已审核进度（%）",
        DueDate = "截止日期",
        NextDueDate = "下一截止日期",
        Case = "事项编号",
        Service = "服务类型",
        Category = "人才类别",
        Nationality = "国籍",
        Department = "承办部门",
        Officer = "经办人",
        OpenedOn = "受理日期",
        DueOn = "办结时限",
        WorkingDaysLeft = "剩余工作日",
        Breached = "已超时限",
        Paused = "暂停计时",
        Escalation = "督办层级",
        ReferredBy = "推荐单位",
        ClosedOn = "办结日期",
        Yes = "是",
        No = "否",
    };

    public required string Summary { get; init; }
    public required string ByParty { get; init; }
    public required string ByFocusArea { get; init; }
    public required string Overdue { get; init; }
    public required string Commitments { get; init; }
    public required string TalentCases { get; init; }
    public required string Item { get; init; }
    public required string Value { get; init; }
    public required string Memorandum { get; init; }
    public required string Status { get; init; }
    public required string ReportDate { get; init; }
    public required string WeightedCompletion { get; init; }
    public required string CommitmentCount { get; init; }
    public required string OverdueCount { get; init; }
    public required string Party { get; init; }
    public required string Role { get; init; }
    public required string FocusArea { get; init; }
    public required string Description { get; init; }
    public required string Owner { get; init; }
    public required string Stage { get; init; }
    public required string Weight { get; init; }
    public required string ApprovedProgress { get; init; }
    public required string DueDate { get; init; }
    public required string NextDueDate { get; init; }
    public required string Case { get; init; }
    public required string Service { get; init; }
    public required string Category { get; init; }
    public required string Nationality { get; init; }
    public required string Department { get; init; }
    public required string Officer { get; init; }
    public required string OpenedOn { get; init; }
    public required string DueOn { get; init; }
    public required string WorkingDaysLeft { get; init; }
    public required string Breached { get; init; }
    public required string Paused { get; init; }
    public required string Escalation { get; init; }
    public required string ReferredBy { get; init; }
    public required string ClosedOn { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }

    public static SheetLabels For(Language language) => language == Language.Zh ? Zh : En;

    public string YesNo(bool value) => value ? Yes : No;
}

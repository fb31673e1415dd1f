using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Portal;

/// <summary>Every word the portal shows, one instance per language (as <see cref="Dashboard.DashboardLabels"/> for the dashboard).</summary>
public sealed record PortalText
{
    public static PortalText Zh { get; } = new()
    {
        Language = Language.Zh,
        SiteName = "虹口区政社合作 · 政务公开",
        Home = "首页",
        Memoranda = "已公开的合作备忘录",
        Policies = "政策目录",
        Answers = "观察员意见建议答复",
        Switch = "English",
        SwitchLanguage = "en",
        Intro = "区政府办公室公开的政社合作备忘录及其进展、政策目录，以及已公开的政务公开观察员意见建议答复。",
        NoneYet = "暂无公开内容。",
        Parties = "签约方",
        Role = "角色",
        Progress = "按合作领域的进展（仅含已审核数据）",
        FocusArea = "合作领域",
        CommitmentCount = "合作事项",
        Completion = "加权完成率",
        Overdue = "逾期",
        Overall = "总体加权完成率",
        Term = "合作期限",
        Status = "状态",
        Category = "类别",
        Department = "发布部门",
        Retired = "已废止",
        PublicityPoints = "涉外政策宣传点",
        PublicityPointsIntro = "以下宣传点有工作人员为外籍人士讲解政策。",
        AskAt = "可咨询的宣传点",
        Address = "地址",
        OpeningHours = "开放时间",
        DesignatedOn = "认定日期",
        Withdrawn = "已撤销",
        MoreInformation = "详细信息",
        Question = "意见建议",
        Answer = "答复",
        AnsweredOn = "答复日期",
        AnsweredBy = "答复部门",
        Feed = "Atom 订阅",
        NotFound = "未找到该页面，或该内容尚未公开。",
        ProgressOf = "{0} 的完成进度",
    };

    public static PortalText En { get; } = new()
    {
        Language = Language.En,
        SiteName = "Hongkou Government–Society Collaboration · Open Government",
        Home = "Home",
        Memoranda = "Published cooperation memoranda",
        Policies = "Policy catalogue",
        Answers = "Answers to observers' feedback",
        Switch = "中文",
        SwitchLanguage = "zh-CN",
        Intro = "The cooperation memoranda the district office has published with their progress, the policy catalogue, and the published answers to Government Affairs Public Observers' feedback.",
        NoneYet = "Nothing has been published yet.",
        Parties = "Parties",
        Role = "Role",
        Progress = "Progress by focus area (approved figures only)",
        FocusArea = "Focus area",
        CommitmentCount = "Commitments",
        Completion = "Weighted completion",
        Overdue = "Overdue",
        Overall = "Overall weighted completion",
        Term = "Term",
        Status = "Status",
        Category = "Category",
        Department = "Issued by",
        Retired = "Retired",
        PublicityPoints = "Foreign-related policy publicity points",
        PublicityPointsIntro = "At these points, staff explain the district's policies to foreign residents.",
        AskAt = "Ask about it at",
        Address = "Address",
        OpeningHours = "Opening hours",
        DesignatedOn = "Designated on",
        Withdrawn = "Withdrawn",
        MoreInformation = "Details",
        Question = "Feedback",
        Answer = "Answer",
        AnsweredOn = "Answered on",
        AnsweredBy = "Answered by",
        Feed = "Atom feed",
        NotFound = "Not found, or not published.",
        ProgressOf = "Completion of {0}",
    };

    public required Language Language { get; init; }

    public required string SiteName { get; init; }

    public required string Home { get; init; }

    public required string Memoranda { get; init; }

    public required string Policies { get; init; }

    public required string Answers { get; init; }

    public required string Switch { get; init; }

    public required string SwitchLanguage { get; init; }

    public required string Intro { get; init; }

    public required string NoneYet { get; init; }

    public required string Parties { get; init; }

    public required string Role { get; init; }

    public required string Progress { get; init; }

    public required string FocusArea { get; init; }

    public required string CommitmentCount { get; init; }

    public required string Completion { get; init; }

    public required string Overdue { get; init; }

    public required string Overall { get; init; }

    public required string Term { get; init; }

    public required string Status { get; init; }

    public required string Category { get; init; }

    public required string Department { get; init; }

    public required string Retired { get; init; }

    public required string PublicityPoints { get; init; }

    public required string PublicityPointsIntro { get; init; }

    public required string AskAt { get; init; }

    public required string Address { get; init; }

    public required string OpeningHours { get; init; }

    public required string DesignatedOn { get; init; }

    public required string Withdrawn { get; init; }

    public required string MoreInformation { get; init; }

    public required string Question { get; init; }

    public required string Answer { get; init; }

    public required string AnsweredOn { get; init; }

    public required string AnsweredBy { get; init; }

    public required string Feed { get; init; }

    public required string NotFound { get; init; }

    public required string ProgressOf { get; init; }

    private static readonly Dictionary<string, (string Zh, string En)> Categories = new(StringComparer.Ordinal)
    {
        ["EntrepreneurshipSubsidy"] = ("创业补贴", "Entrepreneurship subsidy"),
        ["VocationalTraining"] = ("职业培训", "Vocational training"),
        ["TechnologyEnterpriseRecognition"] = ("科技企业认定", "Technology enterprise recognition"),
        ["Talent"] = ("人才", "Talent"),
        ["Investment"] = ("投资促进", "Investment promotion"),
    };

    /// <summary>A policy category as the view spells it, in this language.</summary>
    public string CategoryName(string? raw) =>
        raw is not null && Categories.TryGetValue(raw, out var name) ? (Language == Language.Zh ? name.Zh : name.En) : raw ?? string.Empty;

    public static PortalText For(Language language) => language == Language.Zh ? Zh : En;

    /// <summary>An enum value as a view spells it (<c>HighLevelTalentServices</c>), in this language.</summary>
    public string Value(string? raw) => Dashboard.DashboardLabels.For(Language).Value(raw);
}

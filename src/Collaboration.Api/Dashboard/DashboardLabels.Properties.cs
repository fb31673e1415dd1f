using System.Globalization;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Dashboard;

// The labels each language fills in (DashboardLabels.cs holds the two instances).
public sealed partial record DashboardLabels
{
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

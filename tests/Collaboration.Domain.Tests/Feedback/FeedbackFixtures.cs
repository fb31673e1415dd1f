using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;

namespace Collaboration.Domain.Tests.Feedback;

/// <summary>Robert's feedback on foreign-talent services, routed just before the 2024 National Day week.</summary>
internal static class FeedbackFixtures
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public static readonly FeedbackId Item = FeedbackId.From(Guid.Parse("0193a5e0-0000-7000-8000-0000000000f1"));

    public static readonly ObserverId Robert = ObserverId.From(Guid.Parse("0193a5e0-0000-7000-8000-00000000000b"));

    public static readonly Actor RobertActor = ObserverActors.For(Robert);

    public static readonly ObserverSnapshot RobertTerm = new(Robert, new DateOnly(2024, 9, 1), new DateOnly(2026, 8, 31), null);

    public static readonly Actor Office = Actor.Office("office-hk-01");

    public static readonly PartnerId Commerce = PartnerId.From(Guid.Parse("0193a5e0-0000-7000-8000-0000000000c1"));

    public static readonly BilingualText CommerceName = BilingualText.Both("虹口区商务委员会", "Hongkou District Commission of Commerce");

    public static readonly DepartmentSnapshot CommerceDepartment = new(Commerce, CommerceName, IsGovernmentDepartment: true);

    public static readonly PartnerId HumanResources = PartnerId.From(Guid.Parse("0193a5e0-0000-7000-8000-0000000000c2"));

    public static readonly DepartmentSnapshot HumanResourcesDepartment =
        new(HumanResources, BilingualText.Both("虹口区人力资源和社会保障局", "Hongkou District Human Resources and Social Security Bureau"), IsGovernmentDepartment: true);

    public static readonly PolicyId TalentPolicy = PolicyId.From(Guid.Parse("0193a5e0-0000-7000-8000-0000000000d1"));

    public static readonly BilingualText Topic = new(null, "Work-permit guidance in English");

    public const string Text = "The foreign talent service window should publish its work-permit checklist in English.";

    public static readonly BilingualText AnswerText = BilingualText.Both(
        "我委已会同区人社局发布英文版工作许可办事指南。", "Together with the HR bureau we have published an English work-permit guide.");

    public static readonly DateTimeOffset SubmittedAt = new(2024, 9, 20, 10, 0, 0, Shanghai);

    public static readonly DateTimeOffset AcknowledgedAt = new(2024, 9, 23, 9, 0, 0, Shanghai);

    /// <summary>Monday 30 September 2024, the last working day before the National Day week (1–7 October).</summary>
    public static readonly DateTimeOffset RoutedAt = new(2024, 9, 30, 9, 0, 0, Shanghai);

    /// <summary>10 working days after 30 September: 8–11, 12 (make-up Saturday), 14–18 October.</summary>
    public static readonly DateOnly DueOn = new(2024, 10, 18);

    /// <summary>Saturday 12 October 2024 is a make-up working day (调休上班).</summary>
    public static readonly DateTimeOffset AnsweredAt = new(2024, 10, 12, 16, 0, 0, Shanghai);

    public static readonly DateTimeOffset ClosedAt = new(2024, 10, 21, 9, 0, 0, Shanghai);

    public static SubmitFeedback Submit() =>
        new(Item, RobertTerm, Topic, TalentPolicy, Language.En, Text, RobertActor, SubmittedAt);

    public static FeedbackSubmitted Submitted() =>
        new(Item, Robert, Topic, TalentPolicy, Language.En, Text, new DateOnly(2024, 9, 20), SubmittedAt);

    public static FeedbackAcknowledged Acknowledged() => new(Item, Office.Id, AcknowledgedAt);

    public static FeedbackRouted Routed() =>
        new(Item, Commerce, CommerceName, new DateOnly(2024, 9, 30), 10, DueOn, Office.Id, RoutedAt);

    public static FeedbackAnswered Answered() =>
        new(Item, Commerce, AnswerText, new DateOnly(2024, 10, 12), "commerce-01", AnsweredAt);

    public static FeedbackAnswerRated Rated() => new(Item, Robert, 5, ClosedAt);

    public static FeedbackPublished Published() => new(Item, Office.Id, ClosedAt);

    public static FeedbackKeptPrivate KeptPrivate(bool wasPublished = false) =>
        new(Item, BilingualText.Both("涉及个案信息", "Concerns an individual case"), wasPublished, Office.Id, ClosedAt);

    public static IFeedbackEvent[] UpToRouted() => [Submitted(), Acknowledged(), Routed()];

    public static IFeedbackEvent[] UpToAnswered() => [Submitted(), Acknowledged(), Routed(), Answered()];
}

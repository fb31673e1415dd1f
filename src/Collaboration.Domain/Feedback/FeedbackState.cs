using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

/// <summary>
/// The closed set of feedback states. Each later state carries the facts gathered so far as small
/// records, so a state never has fields that are "null until later".
/// </summary>
public abstract record FeedbackState;

public sealed record NotSubmitted : FeedbackState
{
    public static readonly NotSubmitted Instance = new();
}

public sealed record Submitted(FeedbackItem Item) : FeedbackState;

public sealed record Acknowledged(FeedbackItem Item, DateTimeOffset AcknowledgedAt) : FeedbackState;

public sealed record Routed(FeedbackItem Item, DateTimeOffset AcknowledgedAt, FeedbackRouting Routing) : FeedbackState;

/// <summary>The answered states share the closing facts; visibility is what tells them apart.</summary>
public abstract record AnsweredFeedback(FeedbackItem Item, FeedbackRouting Routing, FeedbackReply Reply, int? Stars) : FeedbackState;

public sealed record Answered(FeedbackItem Item, FeedbackRouting Routing, FeedbackReply Reply, int? Stars)
    : AnsweredFeedback(Item, Routing, Reply, Stars);

public sealed record Published(FeedbackItem Item, FeedbackRouting Routing, FeedbackReply Reply, int? Stars, DateTimeOffset PublishedAt)
    : AnsweredFeedback(Item, Routing, Reply, Stars);

public sealed record KeptPrivate(FeedbackItem Item, FeedbackRouting Routing, FeedbackReply Reply, int? Stars, BilingualText Reason)
    : AnsweredFeedback(Item, Routing, Reply, Stars);

/// <summary>What the observer submitted.</summary>
public sealed record FeedbackItem(
    FeedbackId Feedback,
    ObserverId Observer,
    BilingualText Topic,
    PolicyId? Policy,
    Language WrittenIn,
    string Text,
    DateOnly SubmittedOn);

/// <summary>Where the feedback went and by when it must be answered (due date inclusive).</summary>
public sealed record FeedbackRouting(PartnerId Department, BilingualText DepartmentName, DateOnly RoutedOn, DateOnly AnswerDueOn);

/// <summary>The department's bilingual answer.</summary>
public sealed record FeedbackReply(BilingualText Answer, DateOnly AnsweredOn);

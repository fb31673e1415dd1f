namespace Collaboration.Domain.Feedback;

/// <summary>The workflow stage as the board shows it (a flat mirror of the state records).</summary>
public enum FeedbackStage
{
    Submitted = 1,
    Acknowledged = 2,
    Routed = 3,
    Answered = 4,
    Published = 5,
    KeptPrivate = 6,
}

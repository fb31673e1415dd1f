using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

/// <summary>
/// A flat, read-friendly view of one feedback item for projections and the API. Parts that only exist
/// from some stage on (routing, reply) are whole records or absent, never half-filled.
/// </summary>
public sealed record FeedbackView(
    FeedbackItem Item,
    FeedbackStage Stage,
    FeedbackRouting? Routing,
    FeedbackReply? Reply,
    int? Stars)
{
    public bool IsPublic => Stage == FeedbackStage.Published;

    /// <summary>The view of a submitted item, or null for a stream with nothing submitted.</summary>
    public static FeedbackView? Of(FeedbackState state) => state switch
    {
        Submitted s => new(s.Item, FeedbackStage.Submitted, null, null, null),
        Acknowledged a => new(a.Item, FeedbackStage.Acknowledged, null, null, null),
        Routed r => new(r.Item, FeedbackStage.Routed, r.Routing, null, null),
        Answered f => new(f.Item, FeedbackStage.Answered, f.Routing, f.Reply, f.Stars),
        Published f => new(f.Item, FeedbackStage.Published, f.Routing, f.Reply, f.Stars),
        KeptPrivate f => new(f.Item, FeedbackStage.KeptPrivate, f.Routing, f.Reply, f.Stars),
        _ => null,
    };
}

using Collaboration.Api.Application;
using Collaboration.Api.Visibility;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Feedback;

/// <summary>Body of <c>POST /api/v1/feedback/{id}/rate</c>.</summary>
/// <param name="Stars">1–5 stars, once, by the submitting observer.</param>
public sealed record RateFeedbackAnswerBody(int Stars);

[AllowedRoles(CallerRole.Observer)]
public sealed record RateFeedbackAnswerRequest(Caller Caller, WriteOptions Options, FeedbackId Feedback, RateFeedbackAnswerBody Body) : IWrite;

/// <summary>
/// Another observer's unpublished item answers 404; a published one it can see is left to the decider, which refuses
/// with <c>feedback.not-the-submitter</c>.
/// </summary>
public sealed class RateFeedbackAnswerAccess(VisibilityService visibility) : IAccessRule<RateFeedbackAnswerRequest>
{
    public ValueTask<Access> CheckAsync(RateFeedbackAnswerRequest request, CancellationToken cancellationToken) =>
        visibility.OfStreamAsync(request.Caller, FeedbackDecider.StreamName(request.Feedback), cancellationToken);
}

public sealed class RateFeedbackAnswerHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<RateFeedbackAnswerRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(RateFeedbackAnswerRequest request, CancellationToken cancellationToken) =>
        new(FeedbackWrites.ExecuteAsync(
            executor,
            request.Feedback,
            StreamIntent.Update,
            actor => new RateFeedbackAnswer(request.Feedback, request.Body.Stars, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

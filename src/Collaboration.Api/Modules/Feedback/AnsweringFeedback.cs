using Collaboration.Api.Application;
using Collaboration.Api.Visibility;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Feedback;

/// <summary>Body of <c>POST /api/v1/feedback/{id}/answer</c>.</summary>
/// <param name="Answer">The department's answer, complete in Chinese and English (at most 10000 characters each).</param>
public sealed record AnswerFeedbackBody(BilingualText Answer);

/// <summary>
/// The routed department answers: a partner user of that department, or the office on its behalf (not every
/// department has accounts yet).
/// </summary>
[AllowedRoles(CallerRole.Office, CallerRole.Partner)]
public sealed record AnswerFeedbackRequest(Caller Caller, WriteOptions Options, FeedbackId Feedback, AnswerFeedbackBody Body) : IWrite;

/// <summary>An item the policy does not show the caller answers 404, as if absent; the decider refuses a department it was not routed to.</summary>
public sealed class AnswerFeedbackAccess(VisibilityService visibility) : IAccessRule<AnswerFeedbackRequest>
{
    public ValueTask<Access> CheckAsync(AnswerFeedbackRequest request, CancellationToken cancellationToken) =>
        visibility.OfStreamAsync(request.Caller, FeedbackDecider.StreamName(request.Feedback), cancellationToken);
}

public sealed class AnswerFeedbackHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<AnswerFeedbackRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(AnswerFeedbackRequest request, CancellationToken cancellationToken) =>
        new(FeedbackWrites.ExecuteAsync(
            executor,
            request.Feedback,
            StreamIntent.Update,
            actor => new AnswerFeedback(request.Feedback, request.Body.Answer, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

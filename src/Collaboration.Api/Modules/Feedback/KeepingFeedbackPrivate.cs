using Collaboration.Api.Application;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Feedback;

/// <summary>Body of <c>POST /api/v1/feedback/{id}/keep-private</c>: keep off, or withdraw from, the public board.</summary>
/// <param name="Reason">Why, in Chinese and/or English.</param>
public sealed record KeepFeedbackPrivateBody(BilingualText Reason);

[AllowedRoles(CallerRole.Office)]
public sealed record KeepFeedbackPrivateRequest(Caller Caller, WriteOptions Options, FeedbackId Feedback, KeepFeedbackPrivateBody Body) : IWrite;

public sealed class KeepFeedbackPrivateValidator : IValidator<KeepFeedbackPrivateRequest>
{
    public void Validate(KeepFeedbackPrivateRequest request, ValidationErrors errors) =>
        errors.MaxLength("reason.zh", request.Body.Reason.Zh, 2000).MaxLength("reason.en", request.Body.Reason.En, 2000);
}

public sealed class KeepFeedbackPrivateHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<KeepFeedbackPrivateRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(KeepFeedbackPrivateRequest request, CancellationToken cancellationToken) =>
        new(FeedbackWrites.ExecuteAsync(
            executor,
            request.Feedback,
            StreamIntent.Update,
            actor => new KeepFeedbackPrivate(request.Feedback, request.Body.Reason, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

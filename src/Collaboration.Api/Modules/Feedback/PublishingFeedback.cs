using Collaboration.Api.Application;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Feedback;

/// <summary><c>POST /api/v1/feedback/{id}/publish</c> (no body): put the answered item on the public board.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record PublishFeedbackRequest(Caller Caller, WriteOptions Options, FeedbackId Feedback) : IWrite;

public sealed class PublishFeedbackHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<PublishFeedbackRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(PublishFeedbackRequest request, CancellationToken cancellationToken) =>
        new(FeedbackWrites.ExecuteAsync(
            executor,
            request.Feedback,
            StreamIntent.Update,
            actor => new PublishFeedback(request.Feedback, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

using Collaboration.Api.Application;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Feedback;

/// <summary><c>POST /api/v1/feedback/{id}/acknowledge</c> (no body): the office confirms receipt.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record AcknowledgeFeedbackRequest(Caller Caller, WriteOptions Options, FeedbackId Feedback) : IWrite;

public sealed class AcknowledgeFeedbackHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<AcknowledgeFeedbackRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(AcknowledgeFeedbackRequest request, CancellationToken cancellationToken) =>
        new(FeedbackWrites.ExecuteAsync(
            executor,
            request.Feedback,
            StreamIntent.Update,
            actor => new AcknowledgeFeedback(request.Feedback, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

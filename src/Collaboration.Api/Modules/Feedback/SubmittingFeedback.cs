using Collaboration.Api.Application;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;
using Collaboration.Domain.Policies;
using Mediator;

namespace Collaboration.Api.Modules.Feedback;

/// <summary>Body of <c>POST /api/v1/feedback</c>: sent by a signed-in observer, as itself.</summary>
/// <param name="Topic">Topic, required at least in the language written in (at most 200 characters per language).</param>
/// <param name="WrittenIn">Zh or En: the language of <paramref name="Text"/>.</param>
/// <param name="Text">The feedback itself (at most 5000 characters), kept in its original language.</param>
/// <param name="Policy">The policy the feedback concerns, if any (may be omitted).</param>
public sealed record SubmitFeedbackBody(BilingualText Topic, Language WrittenIn, string Text, PolicyId? Policy = null);

[AllowedRoles(CallerRole.Observer)]
public sealed record SubmitFeedbackRequest(Caller Caller, WriteOptions Options, FeedbackId Feedback, SubmitFeedbackBody Body) : IWrite;

public sealed class SubmitFeedbackHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<SubmitFeedbackRequest, CommandOutcome>
{
    // Lengths are the decider's rules (feedback.topic-too-long, feedback.text-too-long); the body limit bounds the rest.
    public async ValueTask<CommandOutcome> Handle(SubmitFeedbackRequest request, CancellationToken cancellationToken)
    {
        if (request.Caller.Observer is not { } self)
        {
            return CommandOutcome.Forbidden("The token carries no observer id.");
        }

        // The term comes from the observer's own stream, never from the request: an ended term is the decider's refusal.
        var observer = await executor.LoadAsync<ObserverDecider, ObserverState, IObserverCommand, IObserverEvent>(
            ObserverDecider.StreamName(self), cancellationToken);
        if (ObserverSnapshot.Of(observer.State) is not { } submitter)
        {
            return new CommandOutcome.Rejected(FeedbackApiErrors.ObserverNotAppointed);
        }

        var body = request.Body;
        if (body.Policy is { } policy)
        {
            var loaded = await executor.LoadAsync<PolicyDecider, PolicyState, IPolicyCommand, IPolicyEvent>(
                PolicyDecider.StreamName(policy), cancellationToken);
            if (PolicyDecider.Snapshot(loaded.State) is null)
            {
                return new CommandOutcome.Rejected(FeedbackApiErrors.PolicyUnknown);
            }
        }

        var at = time.GetUtcNow();
        return await FeedbackWrites.ExecuteAsync(
            executor,
            request.Feedback,
            StreamIntent.Create,
            actor => new SubmitFeedback(request.Feedback, submitter, body.Topic, body.Policy, body.WrittenIn, body.Text, actor, at),
            request.Caller,
            request.Options,
            cancellationToken);
    }
}

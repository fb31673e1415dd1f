using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Mediator;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>Body of <c>POST /api/v1/memoranda/{id}/amend</c>; the amendment is numbered by the memorandum.</summary>
/// <param name="Reason">Why the agreement is amended.</param>
/// <param name="Text">The text of the supplementary clause (补充条款).</param>
/// <param name="FocusAreas">The focus areas as they now stand; omit to keep them.</param>
/// <param name="TermEnd">The new last day of the term; omit to keep it.</param>
public sealed record AmendMemorandumBody(BilingualText Reason, BilingualText Text, IReadOnlyList<FocusArea>? FocusAreas = null, DateOnly? TermEnd = null);

[AllowedRoles(CallerRole.Office)]
public sealed record AmendMemorandumRequest(Caller Caller, WriteOptions Options, MemorandumId Memorandum, AmendMemorandumBody Body) : IWrite;

public sealed class AmendMemorandumValidator : IValidator<AmendMemorandumRequest>
{
    public void Validate(AmendMemorandumRequest request, ValidationErrors errors)
    {
        MemorandumInput.Reason(request.Body.Reason, errors);
        errors.MaxLength("text.zh", request.Body.Text.Zh, 8000).MaxLength("text.en", request.Body.Text.En, 8000);
        MemorandumInput.FocusAreas("focusAreas", request.Body.FocusAreas, errors);
    }
}

public sealed class AmendMemorandumHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<AmendMemorandumRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(AmendMemorandumRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        return new(executor.ExecuteAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            request.Memorandum.Value,
            MemorandumDecider.StreamName(request.Memorandum),
            StreamIntent.Update,
            _ => new AmendMemorandum(request.Memorandum, body.Reason, body.Text, body.FocusAreas, body.TermEnd, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
    }
}

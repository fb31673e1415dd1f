using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Mediator;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>Body of <c>POST /api/v1/talent-cases/{id}/notes</c>.</summary>
/// <param name="Text">Free text (at most 4000 characters); it may mention the talent, so it is treated as their personal data.</param>
public sealed record AddTalentCaseNoteBody(string Text);

[AllowedRoles(CallerRole.Office)]
public sealed record AddTalentCaseNoteRequest(Caller Caller, WriteOptions Options, TalentCaseId Case, AddTalentCaseNoteBody Body) : IWrite;

public sealed class AddTalentCaseNoteHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<AddTalentCaseNoteRequest, CommandOutcome>
{
    // Length is the decider's rule (talent-case.note-too-long); the request body limit bounds the rest.
    public ValueTask<CommandOutcome> Handle(AddTalentCaseNoteRequest request, CancellationToken cancellationToken) =>
        new(TalentCaseWrites.ExecuteAsync(
            executor,
            request.Case,
            StreamIntent.Update,
            actor => new AddTalentCaseNote(request.Case, request.Body.Text, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

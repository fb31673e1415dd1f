using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Mediator;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>Body of <c>POST /api/v1/memoranda/{id}/sign</c>. Send <c>If-Match</c> with the revision you reviewed.</summary>
/// <param name="Signatories">Exactly one per party: the party's id, the signatory's name and bilingual title.</param>
/// <param name="SignedOn">The date of the signing ceremony (yyyy-MM-dd, district time), not after the term ends.</param>
/// <param name="Place">e.g. 瑞虹企业天地 / Ruihong Enterprise World.</param>
public sealed record SignMemorandumBody(IReadOnlyList<PartySignatory> Signatories, DateOnly SignedOn, BilingualText Place);

[AllowedRoles(CallerRole.Office)]
public sealed record SignMemorandumRequest(Caller Caller, WriteOptions Options, MemorandumId Memorandum, SignMemorandumBody Body) : IWrite;

public sealed class SignMemorandumValidator : IValidator<SignMemorandumRequest>
{
    public void Validate(SignMemorandumRequest request, ValidationErrors errors)
    {
        var body = request.Body;
        if (body.Signatories.Count > 50)
        {
            errors.Add("signatories", "At most 50 signatories. 最多 50 名签署人。");
        }

        for (var i = 0; i < body.Signatories.Count; i++)
        {
            var signatory = body.Signatories[i];
            errors.MaxLength($"signatories[{i}].name", signatory.Name, 200)
                .MaxLength($"signatories[{i}].title.zh", signatory.Title.Zh, 200)
                .MaxLength($"signatories[{i}].title.en", signatory.Title.En, 200);
        }

        errors.MaxLength("place.zh", body.Place.Zh, 300).MaxLength("place.en", body.Place.En, 300);
    }
}

public sealed class SignMemorandumHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<SignMemorandumRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(SignMemorandumRequest request, CancellationToken cancellationToken) =>
        new(executor.ExecuteAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            request.Memorandum.Value,
            MemorandumDecider.StreamName(request.Memorandum),
            StreamIntent.Update,
            _ => new SignMemorandum(request.Memorandum, request.Body.Signatories, request.Body.SignedOn, request.Body.Place, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

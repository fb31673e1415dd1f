using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Mediator;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>Body of <c>POST /api/v1/memoranda</c>.</summary>
/// <param name="Title">e.g. 虹口区政社合作备忘录 / Hongkou Government-Society Cooperation Memorandum.</param>
/// <param name="Purpose">What the cooperation is for.</param>
/// <param name="FocusAreas">At least one of HighLevelTalentServices, DomesticInvestmentPromotion, ForeignInvestmentPromotion, ParkIndustrialPolicy, PolicyPublicity.</param>
/// <param name="TermStart">First day of the term (yyyy-MM-dd).</param>
/// <param name="TermEnd">Last day of the term, after its start.</param>
public sealed record DraftMemorandumBody(BilingualText Title, BilingualText Purpose, IReadOnlyList<FocusArea> FocusAreas, DateOnly TermStart, DateOnly TermEnd);

[AllowedRoles(CallerRole.Office)]
public sealed record DraftMemorandumRequest(Caller Caller, WriteOptions Options, MemorandumId Memorandum, DraftMemorandumBody Body) : IWrite;

public sealed class DraftMemorandumValidator : IValidator<DraftMemorandumRequest>
{
    public void Validate(DraftMemorandumRequest request, ValidationErrors errors)
    {
        errors.MaxLength("title.zh", request.Body.Title.Zh, 300).MaxLength("title.en", request.Body.Title.En, 300);
        errors.MaxLength("purpose.zh", request.Body.Purpose.Zh, 4000).MaxLength("purpose.en", request.Body.Purpose.En, 4000);
        MemorandumInput.FocusAreas("focusAreas", request.Body.FocusAreas, errors);
    }
}

public sealed class DraftMemorandumHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<DraftMemorandumRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(DraftMemorandumRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        return new(executor.ExecuteAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            request.Memorandum.Value,
            MemorandumDecider.StreamName(request.Memorandum),
            StreamIntent.Create,
            _ => new DraftMemorandum(request.Memorandum, body.Title, body.Purpose, body.FocusAreas, body.TermStart, body.TermEnd, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
    }
}

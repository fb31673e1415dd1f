using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Partners;
using Mediator;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>Body of <c>POST /api/v1/memoranda/{id}/parties</c>.</summary>
/// <param name="Partner">A registered, active partner; its current name is recorded as the party's name.</param>
/// <param name="Role">DistrictOffice (a government department, exactly one) or PartnerOrganisation.</param>
public sealed record AddMemorandumPartyBody(PartnerId Partner, PartyRole Role);

[AllowedRoles(CallerRole.Office)]
public sealed record AddMemorandumPartyRequest(Caller Caller, WriteOptions Options, MemorandumId Memorandum, AddMemorandumPartyBody Body) : IWrite;

public sealed class AddMemorandumPartyHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<AddMemorandumPartyRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(AddMemorandumPartyRequest request, CancellationToken cancellationToken)
    {
        // The partner's facts are read once, before the memorandum is: a rename racing with this is harmless, as the
        // party keeps the name it had when added by design.
        var partner = await executor.LoadAsync<PartnerDecider, PartnerState, IPartnerCommand, IPartnerEvent>(
            PartnerDecider.StreamName(request.Body.Partner), cancellationToken);
        if (PartnerDecider.Summarise(partner.State) is not { } summary)
        {
            return new CommandOutcome.Rejected(MemorandumReferences.PartnerUnknown(request.Body.Partner));
        }

        return await executor.ExecuteAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            request.Memorandum.Value,
            MemorandumDecider.StreamName(request.Memorandum),
            StreamIntent.Update,
            _ => new AddMemorandumParty(request.Memorandum, summary, request.Body.Role, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken);
    }
}

using Collaboration.Api.Application;
using Collaboration.Api.Visibility;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using Mediator;

namespace Collaboration.Api.Modules.Partners;

/// <summary>A partner organisation as the API shows it.</summary>
public sealed record PartnerDetails(
    PartnerId Id,
    PartnerKind Kind,
    BilingualText Name,
    IReadOnlyList<PartnerContactDetails> Contacts,
    string? ExternalReference,
    bool IsActive,
    BilingualText? DeactivationReason);

/// <summary>Reads one partner from its stream (so the ETag is exact for a following If-Match write).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record GetPartnerRequest(Caller Caller, PartnerId Partner) : IRead<PartnerDetails>;

/// <summary>A partner user sees its own organisation only; any other id answers 404, as if it did not exist.</summary>
public sealed class GetPartnerAccess(VisibilityService visibility) : IAccessRule<GetPartnerRequest>
{
    public ValueTask<Access> CheckAsync(GetPartnerRequest request, CancellationToken cancellationToken) =>
        visibility.OfStreamAsync(request.Caller, PartnerDecider.StreamName(request.Partner), cancellationToken);
}

public sealed class GetPartnerHandler(StreamExecutor executor) : IQueryHandler<GetPartnerRequest, QueryOutcome<PartnerDetails>>
{
    public async ValueTask<QueryOutcome<PartnerDetails>> Handle(GetPartnerRequest request, CancellationToken cancellationToken)
    {
        var loaded = await executor.LoadAsync<PartnerDecider, PartnerState, IPartnerCommand, IPartnerEvent>(
            PartnerDecider.StreamName(request.Partner), cancellationToken);
        PartnerDetails? details = loaded.State switch
        {
            ActivePartner p => new(p.Id, p.Kind, p.Name, [.. p.Contacts.Select(PartnerContactDetails.Of)], p.ExternalReference, true, null),
            InactivePartner p => new(p.Id, p.Kind, p.Name, [.. p.Contacts.Select(PartnerContactDetails.Of)], p.ExternalReference, false, p.Reason),
            _ => null,
        };
        return details is null ? QueryOutcome<PartnerDetails>.Missing() : QueryOutcome<PartnerDetails>.Of(details, loaded.Revision);
    }
}

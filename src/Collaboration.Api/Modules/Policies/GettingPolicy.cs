using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Policies;
using Mediator;

namespace Collaboration.Api.Modules.Policies;

/// <summary>A catalogue entry as the API shows it.</summary>
/// <param name="Id">The policy's id.</param>
/// <param name="Title">Title in Chinese and English.</param>
/// <param name="Summary">What the policy offers and to whom.</param>
/// <param name="IssuingDepartment">The department that issued it.</param>
/// <param name="Category">The catalogue category.</param>
/// <param name="Link">Address of the full text, if any.</param>
/// <param name="Revision">1 at publication, +1 per revision (the number readers cite; not the ETag).</param>
/// <param name="IsRetired">True once retired: it can no longer be revised or put in a package.</param>
/// <param name="RetirementReason">Set once the policy is retired.</param>
public sealed record PolicyDetails(
    PolicyId Id,
    BilingualText Title,
    BilingualText Summary,
    BilingualText IssuingDepartment,
    PolicyCategory Category,
    Uri? Link,
    int Revision,
    bool IsRetired,
    BilingualText? RetirementReason);

/// <summary>
/// Reads one policy from its stream. Every role may read: the catalogue is the district's public information, partners
/// receive its entries in service packages, and observers give feedback on them. Retired entries stay readable (marked
/// retired) because delivered packages and earlier feedback still cite them. Nothing unpublished exists to hide.
/// </summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner, CallerRole.Observer)]
public sealed record GetPolicyRequest(Caller Caller, PolicyId Policy) : IRead<PolicyDetails>;

public sealed class GetPolicyHandler(StreamExecutor executor) : IQueryHandler<GetPolicyRequest, QueryOutcome<PolicyDetails>>
{
    public async ValueTask<QueryOutcome<PolicyDetails>> Handle(GetPolicyRequest request, CancellationToken cancellationToken)
    {
        var loaded = await executor.LoadAsync<PolicyDecider, PolicyState, IPolicyCommand, IPolicyEvent>(
            PolicyDecider.StreamName(request.Policy), cancellationToken);
        PolicyDetails? details = loaded.State switch
        {
            PublishedPolicy p => Details(p.Id, p.Content, p.Revision, null),
            RetiredPolicy p => Details(p.Id, p.Content, p.Revision, p.Reason),
            _ => null,
        };
        return details is null ? QueryOutcome<PolicyDetails>.Missing() : QueryOutcome<PolicyDetails>.Of(details, loaded.Revision);
    }

    private static PolicyDetails Details(PolicyId id, PolicyContent c, int revision, BilingualText? retired) =>
        new(id, c.Title, c.Summary, c.IssuingDepartment, c.Category, c.Link, revision, retired is not null, retired);
}

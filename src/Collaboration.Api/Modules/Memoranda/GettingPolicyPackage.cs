using Collaboration.Api.Application;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Visibility;
using Mediator;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>Reads one delivered package from its memorandum's stream (the Location of a delivery).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record GetPolicyPackageRequest(Caller Caller, MemorandumId Memorandum, PackageId Package) : IRead<DeliveredPackage>;

/// <summary>A partner reads only packages delivered to its own organisation; anything else is 404.</summary>
public sealed class GetPolicyPackageAccess(MemorandumScope scope, VisibilityPolicy policy) : IAccessRule<GetPolicyPackageRequest>
{
    public async ValueTask<Access> CheckAsync(GetPolicyPackageRequest request, CancellationToken cancellationToken)
    {
        var loaded = await scope.LoadAsync(request.Memorandum, cancellationToken);
        var verdict = policy.Decide(request.Caller, MemorandumDecider.StreamName(request.Memorandum), loaded.State);
        return !verdict.Refused && MemorandumScope.Packages(loaded.State).TryGetValue(request.Package, out var package) && verdict.ShowsPackageOf(package.Party.Value)
            ? Access.Allowed
            : Access.Hidden;
    }
}

public sealed class GetPolicyPackageHandler(MemorandumScope scope) : IQueryHandler<GetPolicyPackageRequest, QueryOutcome<DeliveredPackage>>
{
    public async ValueTask<QueryOutcome<DeliveredPackage>> Handle(GetPolicyPackageRequest request, CancellationToken cancellationToken)
    {
        var loaded = await scope.LoadAsync(request.Memorandum, cancellationToken);
        return MemorandumScope.Packages(loaded.State).TryGetValue(request.Package, out var package)
            ? QueryOutcome<DeliveredPackage>.Of(package, loaded.Revision)
            : QueryOutcome<DeliveredPackage>.Missing();
    }
}

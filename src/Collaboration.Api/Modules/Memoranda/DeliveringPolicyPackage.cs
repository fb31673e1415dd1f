using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Policies;
using Mediator;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>Body of <c>POST /api/v1/memoranda/{id}/packages</c>: an Enterprise Policy Service Package (企业政策服务包).</summary>
/// <param name="Party">The receiving partner organisation; it must be a partner party of the memorandum.</param>
/// <param name="Policies">Published, not retired, policies in the package (at least one).</param>
/// <param name="DeliveredOn">The delivery date (yyyy-MM-dd); omit for today in district time.</param>
public sealed record DeliverPolicyPackageBody(PartnerId Party, IReadOnlyList<PolicyId> Policies, DateOnly? DeliveredOn = null);

/// <summary>Delivers a new package; its id comes from the Idempotency-Key when there is one, so a retry delivers nothing twice.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record DeliverPolicyPackageRequest(Caller Caller, WriteOptions Options, MemorandumId Memorandum, PackageId Package, DeliverPolicyPackageBody Body) : IWrite;

public sealed class DeliverPolicyPackageValidator : IValidator<DeliverPolicyPackageRequest>
{
    public void Validate(DeliverPolicyPackageRequest request, ValidationErrors errors)
    {
        // Each policy costs a stream read; a package is a handful of measures, never hundreds.
        if (request.Body.Policies.Count > 50)
        {
            errors.Add("policies", "At most 50 policies per package. 每个政策服务包最多 50 项政策。");
        }
    }
}

public sealed class DeliverPolicyPackageHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<DeliverPolicyPackageRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(DeliverPolicyPackageRequest request, CancellationToken cancellationToken)
    {
        var snapshots = new List<PolicySnapshot>(request.Body.Policies.Count);
        foreach (var policy in request.Body.Policies.Distinct())
        {
            var loaded = await executor.LoadAsync<PolicyDecider, PolicyState, IPolicyCommand, IPolicyEvent>(
                PolicyDecider.StreamName(policy), cancellationToken);
            if (PolicyDecider.Snapshot(loaded.State) is not { } snapshot)
            {
                return new CommandOutcome.Rejected(MemorandumReferences.PolicyUnknown(policy));
            }

            snapshots.Add(snapshot);
        }

        var now = time.GetUtcNow();
        var deliveredOn = request.Body.DeliveredOn ?? DistrictTime.DateOf(now);
        return await executor.ExecuteAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            request.Package.Value,
            MemorandumDecider.StreamName(request.Memorandum),
            StreamIntent.Update,
            _ => new DeliverPolicyPackage(request.Memorandum, request.Package, request.Body.Party, snapshots, deliveredOn, now),
            request.Caller,
            request.Options,
            cancellationToken);
    }
}

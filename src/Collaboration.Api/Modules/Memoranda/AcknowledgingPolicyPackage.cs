using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Mediator;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>
/// <c>POST /api/v1/memoranda/{id}/packages/{packageId}/acknowledge</c>, without a body. Only partners: receipt is the
/// receiving organisation's own statement, so the office cannot acknowledge on its behalf (the decider says the same).
/// </summary>
[AllowedRoles(CallerRole.Partner)]
public sealed record AcknowledgePolicyPackageRequest(Caller Caller, WriteOptions Options, MemorandumId Memorandum, PackageId Package) : IWrite;

/// <summary>
/// A partner must be a party to the memorandum, and the package must be its own: another party's package is answered
/// 404 exactly like the memorandum view, which lists only the caller's own packages. An unknown package id is left to
/// the decider (<c>memorandum.package-unknown</c>), which reveals nothing.
/// </summary>
public sealed class AcknowledgePolicyPackageAccess(MemorandumScope scope) : IAccessRule<AcknowledgePolicyPackageRequest>
{
    public async ValueTask<Access> CheckAsync(AcknowledgePolicyPackageRequest request, CancellationToken cancellationToken)
    {
        var loaded = await scope.LoadAsync(request.Memorandum, cancellationToken);
        if (!MemorandumScope.IsParty(loaded.State, request.Caller))
        {
            return Access.Hidden;
        }

        return MemorandumScope.Packages(loaded.State).TryGetValue(request.Package, out var package) && package.Party != request.Caller.Organisation
            ? Access.Hidden
            : Access.Allowed;
    }
}

public sealed class AcknowledgePolicyPackageHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<AcknowledgePolicyPackageRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(AcknowledgePolicyPackageRequest request, CancellationToken cancellationToken) =>
        new(executor.ExecuteAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            request.Memorandum.Value,
            MemorandumDecider.StreamName(request.Memorandum),
            StreamIntent.Update,
            _ => new AcknowledgePolicyPackage(request.Memorandum, request.Package, request.Caller.ToActor(), time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>
/// Which memoranda a caller may see. Office and auditors see all; a partner sees only memoranda it is a party to, and
/// any other id answers 404 so a partner cannot learn which agreements the district has with others.
/// </summary>
public sealed class MemorandumScope(StreamExecutor executor)
{
    public Task<LoadedStream<MemorandumState>> LoadAsync(MemorandumId memorandum, CancellationToken cancellationToken) =>
        executor.LoadAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            MemorandumDecider.StreamName(memorandum), cancellationToken);

    public async ValueTask<Access> PartyAccessAsync(Caller caller, MemorandumId memorandum, CancellationToken cancellationToken)
    {
        if (caller.Role != CallerRole.Partner)
        {
            return Access.Allowed;
        }

        var loaded = await LoadAsync(memorandum, cancellationToken);
        return IsParty(loaded.State, caller) ? Access.Allowed : Access.Hidden;
    }

    public static bool IsParty(MemorandumState state, Caller caller) =>
        caller.Organisation is { } organisation && MemorandumDecider.Snapshot(state) is { } snapshot && snapshot.Parties.Contains(organisation);

    public static IReadOnlyDictionary<PackageId, DeliveredPackage> Packages(MemorandumState state) => state switch
    {
        SignedMemorandum s => s.Agreement.Packages,
        SuspendedMemorandum s => s.Agreement.Packages,
        CompletedMemorandum s => s.Agreement.Packages,
        TerminatedMemorandum s => s.Agreement.Packages,
        _ => new Dictionary<PackageId, DeliveredPackage>(),
    };
}

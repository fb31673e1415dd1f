using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>
/// Loads memoranda for the use cases and answers whether a caller's organisation is a party (a write rule: who may
/// acknowledge a package). What a caller may <em>see</em> is the visibility policy's to decide.
/// </summary>
public sealed class MemorandumScope(StreamExecutor executor)
{
    public Task<LoadedStream<MemorandumState>> LoadAsync(MemorandumId memorandum, CancellationToken cancellationToken) =>
        executor.LoadAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            MemorandumDecider.StreamName(memorandum), cancellationToken);

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

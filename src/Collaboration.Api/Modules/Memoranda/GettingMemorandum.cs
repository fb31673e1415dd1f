using Collaboration.Api.Application;
using Collaboration.Api.Visibility;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Visibility;
using Mediator;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>A memorandum as the API shows it.</summary>
/// <param name="Id">The memorandum's id.</param>
/// <param name="Status">Draft, Active, Suspended, Completed or Terminated.</param>
/// <param name="Title">Title in Chinese and English.</param>
/// <param name="Purpose">What the cooperation is for.</param>
/// <param name="FocusAreas">The focus areas as they stand after any amendment.</param>
/// <param name="TermStart">First day of the term.</param>
/// <param name="TermEnd">Last day of the term, as amended.</param>
/// <param name="Parties">Each party with its role and the name it was added under.</param>
/// <param name="Signatories">Empty until signed.</param>
/// <param name="SignedOn">Null until signed.</param>
/// <param name="Place">Null until signed.</param>
/// <param name="AmendmentCount">Number of amendments so far (the last amendment's number).</param>
/// <param name="Packages">Policy service packages delivered; a partner sees only those delivered to it.</param>
/// <param name="StatusReason">Why it was suspended or terminated.</param>
public sealed record MemorandumDetails(
    MemorandumId Id,
    MemorandumStatus Status,
    BilingualText Title,
    BilingualText Purpose,
    IReadOnlyList<FocusArea> FocusAreas,
    DateOnly TermStart,
    DateOnly TermEnd,
    IReadOnlyList<MemorandumParty> Parties,
    IReadOnlyList<PartySignatory> Signatories,
    DateOnly? SignedOn,
    BilingualText? Place,
    int AmendmentCount,
    IReadOnlyList<DeliveredPackage> Packages,
    BilingualText? StatusReason);

/// <summary>
/// Reads one memorandum from its stream. Observers are not admitted: their role is feedback on public services, and
/// the agreements are read through the parties and the office.
/// </summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record GetMemorandumRequest(Caller Caller, MemorandumId Memorandum) : IRead<MemorandumDetails>;

public sealed class GetMemorandumAccess(VisibilityService visibility) : IAccessRule<GetMemorandumRequest>
{
    public ValueTask<Access> CheckAsync(GetMemorandumRequest request, CancellationToken cancellationToken) =>
        visibility.OfStreamAsync(request.Caller, MemorandumDecider.StreamName(request.Memorandum), cancellationToken);
}

public sealed class GetMemorandumHandler(MemorandumScope scope, VisibilityPolicy policy) : IQueryHandler<GetMemorandumRequest, QueryOutcome<MemorandumDetails>>
{
    public async ValueTask<QueryOutcome<MemorandumDetails>> Handle(GetMemorandumRequest request, CancellationToken cancellationToken)
    {
        var loaded = await scope.LoadAsync(request.Memorandum, cancellationToken);
        var verdict = policy.Decide(request.Caller, MemorandumDecider.StreamName(request.Memorandum), loaded.State);
        var details = loaded.State switch
        {
            MemorandumDraft d => new MemorandumDetails(
                d.Id, MemorandumStatus.Draft, d.Title, d.Purpose, d.FocusAreas, d.TermStart, d.TermEnd, d.Parties, [], null, null, 0, [], null),
            SignedMemorandum s => Signed(s.Agreement, MemorandumStatus.Active, null, verdict),
            SuspendedMemorandum s => Signed(s.Agreement, MemorandumStatus.Suspended, s.Reason, verdict),
            CompletedMemorandum s => Signed(s.Agreement, MemorandumStatus.Completed, null, verdict),
            TerminatedMemorandum s => Signed(s.Agreement, MemorandumStatus.Terminated, s.Reason, verdict),
            _ => null,
        };
        return details is null ? QueryOutcome<MemorandumDetails>.Missing() : QueryOutcome<MemorandumDetails>.Of(details, loaded.Revision);
    }

    private static MemorandumDetails Signed(MemorandumAgreement a, MemorandumStatus status, BilingualText? reason, Verdict verdict)
    {
        // Which policies the district hands another organisation is that organisation's business.
        var packages = a.Packages.Values
            .Where(p => verdict.ShowsPackageOf(p.Party.Value))
            .OrderBy(p => p.DeliveredOn)
            .ThenBy(p => p.Id.Value)
            .ToList();
        return new MemorandumDetails(
            a.Id, status, a.Title, a.Purpose, a.FocusAreas, a.TermStart, a.TermEnd, a.Parties, a.Signatories, a.SignedOn, a.Place,
            a.AmendmentCount, packages, reason);
    }
}

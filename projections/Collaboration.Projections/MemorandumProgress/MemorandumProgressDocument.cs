using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Projections.CommitmentDetails;

namespace Collaboration.Projections.MemorandumProgress;

/// <summary>
/// The stored facts behind a memorandum's progress: its header and parties, and every commitment under it.
/// Everything that depends on "today" is computed by <see cref="MemorandumProgressReport.On"/>.
/// </summary>
public sealed record MemorandumProgressDocument(
    MemorandumId Memorandum,
    BilingualText? Title,
    MemorandumStatus? Status,
    IReadOnlyList<FocusArea> FocusAreas,
    DateOnly? TermStart,
    DateOnly? TermEnd,
    IReadOnlyList<MemorandumParty> Parties,
    IReadOnlyList<CommitmentDetail> Commitments)
{
    public static MemorandumProgressDocument Empty(MemorandumId id) => new(id, null, null, [], null, null, [], []);

    public MemorandumProgressDocument WithMemorandum(MemorandumState state)
    {
        var (title, parties) = state switch
        {
            MemorandumDraft d => (d.Title, (IReadOnlyList<MemorandumParty>)[.. d.Parties]),
            SignedMemorandum s => (s.Agreement.Title, s.Agreement.Parties),
            SuspendedMemorandum s => (s.Agreement.Title, s.Agreement.Parties),
            CompletedMemorandum c => (c.Agreement.Title, c.Agreement.Parties),
            TerminatedMemorandum t => (t.Agreement.Title, t.Agreement.Parties),
            _ => (Title, Parties),
        };
        var snapshot = MemorandumDecider.Snapshot(state);
        return this with
        {
            Title = title,
            Parties = parties,
            Status = snapshot?.Status ?? Status,
            FocusAreas = snapshot?.FocusAreas ?? FocusAreas,
            TermStart = snapshot?.TermStart ?? TermStart,
            TermEnd = snapshot?.TermEnd ?? TermEnd,
        };
    }

    public MemorandumProgressDocument WithCommitment(CommitmentDetail detail) => this with
    {
        Commitments = [.. Commitments.Where(c => c.Commitment.Id != detail.Commitment.Id).Append(detail).OrderBy(c => c.Commitment.Id.Value)],
    };
}

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
    /// <summary>True once the office has published the memorandum: the public portal shows this document.</summary>
    public bool IsPublished { get; init; }

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
            IsPublished = MemorandumDecider.IsPublished(state) || IsPublished,
        };
    }

    /// <summary>Puts <paramref name="detail"/> in place of the commitment's earlier detail; commitments stay ordered by id.</summary>
    public MemorandumProgressDocument WithCommitment(CommitmentDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        // Called on every event of every commitment under the memorandum: a binary search and one array copy.
        var id = detail.Commitment.Id.Value;
        int low = 0, high = Commitments.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var order = Commitments[middle].Commitment.Id.Value.CompareTo(id);
            if (order == 0)
            {
                var replaced = Commitments.ToArray();
                replaced[middle] = detail;
                return this with { Commitments = replaced };
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        var inserted = new CommitmentDetail[Commitments.Count + 1];
        for (var i = 0; i < low; i++)
        {
            inserted[i] = Commitments[i];
        }

        inserted[low] = detail;
        for (var i = low; i < Commitments.Count; i++)
        {
            inserted[i + 1] = Commitments[i];
        }

        return this with { Commitments = inserted };
    }
}

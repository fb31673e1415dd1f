using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Projections.MemorandumProgress;

/// <summary>
/// A memorandum's header as its progress shows it: title, stage, focus areas, term and parties. The commitments under it
/// are not copied here: they are the <c>commitment-detail</c> documents naming the memorandum, which the progress report
/// counts, adds up and pages through the view store (<see cref="MemorandumProgressComposition"/>). A copy of every
/// commitment made this document grow with the memorandum (1.88 MB for 1,800 commitments) and rewrote it on every
/// commitment event.
/// </summary>
public sealed record MemorandumProgressDocument(
    MemorandumId Memorandum,
    BilingualText? Title,
    MemorandumStatus? Status,
    IReadOnlyList<FocusArea> FocusAreas,
    DateOnly? TermStart,
    DateOnly? TermEnd,
    IReadOnlyList<MemorandumParty> Parties)
{
    /// <summary>True once the office has published the memorandum: the public portal shows this document.</summary>
    public bool IsPublished { get; init; }

    public static MemorandumProgressDocument Empty(MemorandumId id) => new(id, null, null, [], null, null, []);

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
}

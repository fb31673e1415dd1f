using System.Text.Json.Nodes;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.EventStore;

namespace Collaboration.Audit;

/// <summary>
/// Computes <see cref="MemorandumProgressView"/> as of a timestamp with the deciders' pure <c>Evolve</c>, independent of
/// any projection's fold (so it can also check them): the memorandum's stream up to the moment, then every commitment
/// under it (found by <see cref="MemorandumCommitments"/>: the live view's list plus the unprojected tail, or a scan
/// of the commitments' first events on a bare log), each folded up to the moment. Only those streams are read.
/// </summary>
public sealed class MemorandumProgressAsOf(IEventStore store, EventSerializer serializer, MemorandumCommitments? commitmentsOf = null)
{
    private readonly MemorandumCommitments finder = commitmentsOf ?? new MemorandumCommitments(store, serializer);

    /// <summary>Null when the memorandum did not exist at that moment.</summary>
    public async Task<MemorandumProgressView?> ComputeAsync(MemorandumId memorandum, DateTimeOffset? asOf, CancellationToken ct = default)
    {
        MemorandumState state = MemorandumDecider.Initial;
        long position = 0;
        await foreach (var e in store.ReadStreamAsync(MemorandumDecider.StreamName(memorandum), ct: ct))
        {
            if (asOf is { } at && e.Timestamp > at)
            {
                break;
            }

            if (serializer.Deserialize(e) is IMemorandumEvent m)
            {
                state = MemorandumDecider.Evolve(state, m);
                position = Math.Max(position, e.Position);
            }
        }

        if (state is NoMemorandum)
        {
            return null;
        }

        var commitments = new List<CommitmentState>();
        foreach (var stream in await finder.StreamsAsync(memorandum, asOf, ct))
        {
            CommitmentState commitment = CommitmentDecider.Initial;
            await foreach (var e in store.ReadStreamAsync(stream, ct: ct))
            {
                if (asOf is { } until && e.Timestamp > until)
                {
                    break;
                }

                if (serializer.Deserialize(e) is ICommitmentEvent c)
                {
                    commitment = CommitmentDecider.Evolve(commitment, c);
                    position = Math.Max(position, e.Position);
                }
            }

            commitments.Add(commitment);
        }

        return Render(memorandum, state, commitments, position);
    }

    public static MemorandumProgressView? Render(MemorandumId memorandum, MemorandumState state, IEnumerable<CommitmentState> commitments, long position)
    {
        (string Stage, BilingualText? Title, int Parties)? head = state switch
        {
            MemorandumDraft d => ("Draft", d.Title, d.Parties.Count),
            SignedMemorandum s => ("Signed", s.Agreement.Title, s.Agreement.Parties.Count),
            SuspendedMemorandum s => ("Suspended", s.Agreement.Title, s.Agreement.Parties.Count),
            CompletedMemorandum s => ("Completed", s.Agreement.Title, s.Agreement.Parties.Count),
            TerminatedMemorandum s => ("Terminated", s.Agreement.Title, s.Agreement.Parties.Count),
            _ => null,
        };
        if (head is not { } h)
        {
            return null;
        }

        var lines = commitments
            .Select(CommitmentView.From)
            .OfType<CommitmentView>()
            .Select(v => new CommitmentProgressLine(v.Id, v.Owner, v.FocusArea, v.Stage, v.Weight, v.ApprovedProgress))
            .OrderBy(l => l.Commitment.Value)
            .ToList();
        var counted = lines.Where(l => l.Stage != CommitmentStage.Cancelled).ToList();
        var weight = counted.Sum(l => l.Weight);
        var progress = weight == 0 ? 0 : Math.Round(counted.Sum(l => l.Weight * l.ApprovedProgress) / weight, 2);
        return new MemorandumProgressView(memorandum, h.Stage, h.Title, h.Parties, lines, progress, position);
    }

    public static JsonNode? ToJson(MemorandumProgressView? view) => AuditJson.ToNode(view, withKind: false);
}

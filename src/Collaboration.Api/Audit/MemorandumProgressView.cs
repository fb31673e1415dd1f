using System.Text.Json.Nodes;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.EventStore;

namespace Collaboration.Api.Audit;

/// <summary>
/// A memorandum's progress as it stood at a moment: its stage and parties, and each commitment under it with its
/// stage and approved progress; overall progress is the weight-averaged approved progress of the commitments that
/// are not cancelled.
/// </summary>
public sealed record MemorandumProgressView(
    MemorandumId Memorandum,
    string Stage,
    BilingualText? Title,
    int Parties,
    IReadOnlyList<CommitmentProgressLine> Commitments,
    decimal WeightedProgress,
    long AsOfPosition);

public sealed record CommitmentProgressLine(CommitmentId Commitment, PartnerId Owner, FocusArea FocusArea, CommitmentStage Stage, decimal Weight, decimal ApprovedProgress);

/// <summary>
/// Computes <see cref="MemorandumProgressView"/> as of a timestamp by replaying the log prefix up to the first event
/// stamped after it, with the deciders' pure <c>Evolve</c>. Independent of any projection, so it also checks them.
/// </summary>
public sealed class MemorandumProgressAsOf(IEventStore store, EventSerializer serializer)
{
    /// <summary>Null when the memorandum did not exist at that moment.</summary>
    public async Task<MemorandumProgressView?> ComputeAsync(MemorandumId memorandum, DateTimeOffset? asOf, CancellationToken ct = default)
    {
        var memorandumStream = MemorandumDecider.StreamName(memorandum);
        MemorandumState state = MemorandumDecider.Initial;
        var commitments = new Dictionary<string, CommitmentState>(StringComparer.Ordinal);
        long position = 0;
        await foreach (var e in store.ReadAllAsync(ct: ct))
        {
            if (asOf is { } at && e.Timestamp > at)
            {
                break;
            }

            position = e.Position;
            if (e.Stream == memorandumStream)
            {
                if (serializer.Deserialize(e) is IMemorandumEvent m)
                {
                    state = MemorandumDecider.Evolve(state, m);
                }
            }
            else if (e.Stream.StartsWith("commitment-", StringComparison.Ordinal))
            {
                var known = commitments.TryGetValue(e.Stream, out var current);
                if (!known && e.Type != "commitment.proposed.v1")
                {
                    continue;
                }

                if (serializer.Deserialize(e) is not ICommitmentEvent c)
                {
                    continue;
                }

                if (!known && c is CommitmentProposed proposed && proposed.Memorandum != memorandum)
                {
                    continue;
                }

                commitments[e.Stream] = CommitmentDecider.Evolve(current ?? CommitmentDecider.Initial, c);
            }
        }

        return Render(memorandum, state, commitments.Values, position);
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

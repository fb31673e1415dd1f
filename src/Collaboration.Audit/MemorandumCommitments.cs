using System.Text;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.EventStore;
using Collaboration.Projections.MemorandumProgress;
using Collaboration.Projections.Storage;
using Collaboration.Projections.Running;
using Collaboration.Projections.Streams;

namespace Collaboration.Audit;

/// <summary>
/// Which commitment streams belong to a memorandum. With the live projections at hand the answer is the live
/// <c>memorandum-line</c> documents under the memorandum plus any <c>commitment.proposed.v1</c> naming the memorandum
/// after that projection's checkpoint (the log tail it has not seen yet) — a memorandum never loses a commitment, so
/// this is a superset of the commitments that existed at any earlier moment. Without them (a bare log) every
/// commitment stream's first event is visited instead, which costs one index entry per commitment event.
/// </summary>
public sealed class MemorandumCommitments(IEventStore store, EventSerializer serializer, ProjectionRunner? runner = null)
{
    public async Task<IReadOnlyList<string>> StreamsAsync(MemorandumId memorandum, DateTimeOffset? asOf, CancellationToken ct = default)
    {
        var id = Encoding.UTF8.GetBytes(memorandum.Value.ToString());
        var streams = new List<string>();
        if (runner is null)
        {
            await foreach (var start in store.ReadStreamStartsAsync(StreamCatalogue.Commitments.Prefix, ct))
            {
                if ((asOf is null || start.Timestamp <= asOf) && Names(start, id, memorandum))
                {
                    streams.Add(start.Stream);
                }
            }

            return streams;
        }

        await runner.StartAsync(ct);
        // The checkpoint first: the documents read after it can only be newer, never miss what the tail scan skips.
        var checkpoint = runner.CheckpointOf(MemorandumLineProjection.ViewName);
        ViewPageQuery? query = MemorandumProgressComposition.Lines(memorandum, [], 500);
        while (query is not null)
        {
            var page = await runner.Views.PageAsync(query, ct);
            streams.AddRange(page.Items.Select(d => CommitmentDecider.StreamName(CommitmentId.From(Guid.Parse(d.Key)))));
            query = page.Next is { } next ? query with { After = next } : null;
        }

        await foreach (var e in store.ReadAllAsync(checkpoint + 1, ct: ct))
        {
            if (asOf is { } at && e.Timestamp > at)
            {
                break;
            }

            if (e.Revision == 0 && StreamCatalogue.Commitments.Owns(e.Stream) && Names(e, id, memorandum) && !streams.Contains(e.Stream))
            {
                streams.Add(e.Stream);
            }
        }

        return streams;
    }

    private bool Names(RecordedEvent start, byte[] id, MemorandumId memorandum) =>
        start.Data.Span.IndexOf(id) >= 0 && serializer.Deserialize(start) is CommitmentProposed proposed && proposed.Memorandum == memorandum;
}

using Collaboration.Audit;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Visibility;
using Collaboration.EventStore;

namespace Collaboration.Audit.Visibility;

/// <summary>
/// One viewer's use of the <see cref="VisibilityPolicy"/> over the log: the facts of each stream are read from its
/// current state once and the verdicts cached, so a page of the audit log costs one fold per stream it touches.
/// Not thread-safe: one per request, dashboard page or CLI command.
/// </summary>
public sealed class VisibilityScope(VisibilityPolicy policy, Viewer viewer, IEventStore store, EventSerializer serializer)
{
    private readonly Dictionary<string, Verdict> verdicts = new(StringComparer.Ordinal);

    public Viewer Viewer { get; } = viewer;

    public VisibilityPolicy Policy { get; } = policy;

    /// <summary>Office and auditors: nothing is refused or withheld (erased data still reads as erased).</summary>
    public bool IsUnrestricted => Viewer.IsPrivileged;

    public async ValueTask<Verdict> VerdictAsync(string stream, CancellationToken ct)
    {
        if (verdicts.TryGetValue(stream, out var known))
        {
            return known;
        }

        var verdict = Policy.Decide(Viewer, IsUnrestricted ? ItemFacts.OfStream(stream) : await FactsAsync(stream, ct));
        verdicts[stream] = verdict;
        return verdict;
    }

    public async ValueTask<bool> CanSeeAsync(string stream, CancellationToken ct) => !(await VerdictAsync(stream, ct)).Refused;

    /// <summary>An audit entry as this viewer may see it: its data and its author redacted by the stream's verdict.</summary>
    public async ValueTask<AuditEntry> ShowAsync(AuditEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (IsUnrestricted)
        {
            return entry;
        }

        var verdict = await VerdictAsync(entry.Stream, ct);
        return entry with { Data = JsonRedactor.Apply(entry.Data, verdict), Metadata = ShowAuthor(entry.Metadata, verdict) };
    }

    /// <summary>An observer writes their own feedback: on another's view of it, the author's user id would name them.</summary>
    public static EventMetadata ShowAuthor(EventMetadata metadata, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(verdict);
        return metadata.Role == "observer" && verdict.Facts.Observer is { } author && !verdict.ShowsObserver(author)
            ? metadata with { ActorId = JsonRedactor.Withheld }
            : metadata;
    }

    private async ValueTask<ItemFacts> FactsAsync(string stream, CancellationToken ct)
    {
        var identity = ItemFacts.OfStream(stream);
        if (AggregateFolds.For(stream) is not { } fold || identity.Kind is ItemKind.Unknown or ItemKind.PersonErasure)
        {
            return identity;
        }

        var state = await FoldAsync(stream, fold, ct);
        MemorandumState? memorandum = null;
        if (state is Domain.Commitments.ExistingCommitment commitment)
        {
            memorandum = (MemorandumState)await FoldAsync(MemorandumDecider.StreamName(commitment.File.Memorandum), AggregateFolds.For(StreamCatalogue.Memoranda)!, ct);
        }

        return StateFacts.Of(identity, state, memorandum);
    }

    private async ValueTask<object> FoldAsync(string stream, AggregateFold fold, CancellationToken ct)
    {
        var state = fold.Initial;
        await foreach (var e in store.ReadStreamAsync(stream, ct: ct))
        {
            state = fold.Evolve(state, serializer.Deserialize(e));
        }

        return state;
    }
}

using Collaboration.Domain.Kernel;
using Collaboration.EventStore;

namespace Collaboration.Api.Application;

/// <summary>
/// The one way a command reaches the log: load the stream, fold it through the decider, decide, append with the
/// revision that was read. A lost race without <c>If-Match</c> is re-decided on fresh state a bounded number of
/// times; with <c>If-Match</c> the client's revision is the contract, so a mismatch is 412 and a lost race 409.
/// A stream read while nothing was appended since its last read is served from <see cref="StreamStateCache"/>.
/// </summary>
public sealed class StreamExecutor(IEventStore store, EventSerializer serializer, StreamStateCache states)
{
    /// <summary>Attempts for a command without <c>If-Match</c> before it is answered 409.</summary>
    public const int MaxAttempts = 4;

    public async Task<LoadedStream<TState>> LoadAsync<TDecider, TState, TCommand, TEvent>(string stream, CancellationToken cancellationToken)
        where TDecider : IDecider<TState, TCommand, TEvent>
        where TState : notnull
        where TEvent : notnull
    {
        // The head is read before the stream: an append in between makes the entry older than its head says, which
        // only costs a miss, never a stale hit.
        var generation = states.Generation;
        var head = await store.ReadHeadPositionAsync(cancellationToken);
        if (states.TryGet<TState>(stream, head, out var cached))
        {
            return cached;
        }

        var state = TDecider.Initial;
        long? revision = null;
        await foreach (var recorded in store.ReadStreamAsync(stream, ct: cancellationToken))
        {
            if (serializer.Deserialize(recorded) is not TEvent @event)
            {
                throw new InvalidDataException($"Event {recorded.Type} at {stream}@{recorded.Revision} does not belong to {typeof(TDecider).Name}.");
            }

            state = TDecider.Evolve(state, @event);
            revision = recorded.Revision;
        }

        var loaded = new LoadedStream<TState>(state, revision);
        states.Remember(stream, head, generation, loaded);
        return loaded;
    }

    public async Task<CommandOutcome> ExecuteAsync<TDecider, TState, TCommand, TEvent>(
        Guid aggregateId,
        string stream,
        StreamIntent intent,
        Func<TState, TCommand> command,
        Caller caller,
        WriteOptions options,
        CancellationToken cancellationToken)
        where TDecider : IDecider<TState, TCommand, TEvent>
        where TState : notnull
        where TEvent : notnull
    {
        var commandId = options.IdempotencyKey is { } key ? DeterministicIds.CommandId(caller, key) : EventIds.NewVersion7();
        var metadata = new EventMetadata(
            caller.Id,
            caller.Role.ToString().ToLowerInvariant(),
            caller.Organisation?.ToString(),
            options.CorrelationId ?? commandId,
            commandId,
            commandId);
        long? actual = null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (options.IdempotencyKey is not null && await FindCommandAsync(stream, commandId, cancellationToken) is { } replayed)
            {
                return new CommandOutcome.Accepted(aggregateId, stream, replayed, Replayed: true);
            }

            // A create without If-Match or Idempotency-Key is decided blind on the first attempt: the stream is almost
            // always new, and the append's "no stream" expectation is the check that decides. Should the stream exist,
            // the append fails and the next attempt loads it and decides on what is there, as before.
            var blind = attempt == 1 && intent == StreamIntent.Create && options.IfMatch is null && options.IdempotencyKey is null;
            var loaded = blind
                ? new LoadedStream<TState>(TDecider.Initial, null)
                : await LoadAsync<TDecider, TState, TCommand, TEvent>(stream, cancellationToken);
            if (intent == StreamIntent.Update && !loaded.Exists)
            {
                return new CommandOutcome.NotFound();
            }

            if (options.IfMatch is { } ifMatch && loaded.Revision != ifMatch)
            {
                return new CommandOutcome.PreconditionFailed(loaded.Revision);
            }

            var decision = TDecider.Decide(command(loaded.State), loaded.State);
            if (blind && (decision.Error is not null || decision.Events.Count == 0))
            {
                // Only an append can tell a blind decision right: a refusal or a no-op on a stream assumed new (an
                // unfollow on a subscriber stream that exists) is decided again on the stream as it is.
                continue;
            }

            if (decision.Error is { } error)
            {
                return new CommandOutcome.Rejected(error);
            }

            if (decision.Events.Count == 0)
            {
                return new CommandOutcome.Accepted(aggregateId, stream, loaded.Revision ?? -1, Replayed: false);
            }

            var events = new EventToAppend[decision.Events.Count];
            for (var i = 0; i < events.Length; i++)
            {
                var (type, data) = serializer.Serialize(decision.Events[i]);
                events[i] = new EventToAppend(DeterministicIds.EventId(commandId, stream, i), type, data, metadata);
            }

            var expected = loaded.Revision is { } revision ? ExpectedRevision.Exactly(revision) : ExpectedRevision.NoStream;
            AppendResult result;
            try
            {
                result = await store.AppendAsync(stream, expected, events, cancellationToken);
            }
            catch (IdempotencyViolationException)
            {
                return new CommandOutcome.Rejected(DomainError.Conflict(
                    "request.idempotency-key-reused",
                    "This Idempotency-Key was already used for a different request.",
                    "此幂等键已用于另一个请求。"));
            }

            switch (result)
            {
                case AppendResult.Appended appended:
                    Telemetry.Appends.Add(events.Length);
                    return new CommandOutcome.Accepted(aggregateId, stream, appended.LastRevision, appended.WasIdempotentReplay);
                case AppendResult.WrongExpectedRevision wrong:
                    actual = wrong.ActualRevision;
                    if (blind)
                    {
                        continue;
                    }

                    Telemetry.Conflicts.Add(1);
                    if (options.IfMatch is not null && options.IdempotencyKey is null)
                    {
                        return new CommandOutcome.Conflict(actual);
                    }

                    continue;
            }
        }

        return new CommandOutcome.Conflict(actual);
    }

    /// <summary>The revision of the last event a command appended to <paramref name="stream"/>, if it already ran.</summary>
    private async Task<long?> FindCommandAsync(string stream, Guid commandId, CancellationToken cancellationToken)
    {
        // Retries arrive soon after the original, so its events sit at the end of the stream.
        await foreach (var recorded in store.ReadStreamAsync(stream, ReadDirection.Backwards, maxCount: 256, ct: cancellationToken))
        {
            if (recorded.Metadata.CommandId == commandId)
            {
                return recorded.Revision;
            }
        }

        return null;
    }
}

using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Application;

/// <summary>What became of a command; mapped to HTTP in exactly one place (<c>OutcomeResults</c>).</summary>
public abstract record CommandOutcome : IOutcome<CommandOutcome>
{
    private CommandOutcome()
    {
    }

    public static CommandOutcome Forbidden(string reason) => new Denied(reason);

    public static CommandOutcome Missing() => new NotFound();

    public static CommandOutcome Invalid(IReadOnlyDictionary<string, string[]> errors) => new InvalidInput(errors);

    /// <summary>The events were appended (or had been, for a retried idempotent request).</summary>
    public sealed record Accepted(Guid AggregateId, string Stream, long Revision, bool Replayed) : CommandOutcome;

    /// <summary>The decider refused the command.</summary>
    public sealed record Rejected(DomainError Error) : CommandOutcome;

    /// <summary>The client's <c>If-Match</c> did not match the stream's revision.</summary>
    public sealed record PreconditionFailed(long? ActualRevision) : CommandOutcome;

    /// <summary>Another writer won the race, and retrying on fresh state did not resolve it.</summary>
    public sealed record Conflict(long? ActualRevision) : CommandOutcome;

    public sealed record NotFound : CommandOutcome;

    public sealed record Denied(string Reason) : CommandOutcome;

    public sealed record InvalidInput(IReadOnlyDictionary<string, string[]> Errors) : CommandOutcome;
}

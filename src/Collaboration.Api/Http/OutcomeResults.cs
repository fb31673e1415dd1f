using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Http;

/// <summary>The one mapping from application outcomes to HTTP answers, each a typed result that documents itself.</summary>
public static class OutcomeResults
{
    /// <summary>Answers a command on an existing item: 200 with the receipt and the new ETag, or its problem.</summary>
    public static Results<WriteAccepted, WriteProblem> ToHttp(this CommandOutcome outcome) =>
        outcome is CommandOutcome.Accepted accepted ? new WriteAccepted(Receipt(accepted)) : outcome.ToProblem();

    /// <summary>Answers a command that creates an item: 201 at <paramref name="location"/> of the new id, or its problem.</summary>
    public static Results<WriteCreated, WriteProblem> ToCreated(this CommandOutcome outcome, Func<Guid, string> location) =>
        outcome is CommandOutcome.Accepted accepted ? new WriteCreated(Receipt(accepted), location(accepted.AggregateId)) : outcome.ToProblem();

    /// <summary>Answers a query: 200 with the view (and ETag when it is one stream's state), or its problem.</summary>
    public static Results<Found<T>, ReadProblem> ToHttp<T>(this QueryOutcome<T> outcome) => outcome switch
    {
        QueryOutcome<T>.Found found => new Found<T>(found.Value, found.Revision, found.Json),
        QueryOutcome<T>.NotFound => new ReadProblem(Problems.NotFound()),
        QueryOutcome<T>.Denied denied => new ReadProblem(Problems.Forbidden(denied.Reason)),
        QueryOutcome<T>.InvalidInput invalid => new ReadProblem(Problems.Validation(invalid.Errors)),
        QueryOutcome<T>.Refused refused => new ReadProblem(Problems.Domain(refused.Error)),
        _ => throw new InvalidOperationException($"Unmapped outcome {outcome.GetType().Name}."),
    };

    /// <summary>The problem a command that was not accepted answers with.</summary>
    public static WriteProblem ToProblem(this CommandOutcome outcome) => new(outcome switch
    {
        CommandOutcome.Rejected rejected => Problems.Domain(rejected.Error),
        CommandOutcome.PreconditionFailed failed => Problems.Create(StatusCodes.Status412PreconditionFailed, "The resource has changed since you read it.",
            "request.precondition-failed", new BilingualText("资源在您读取之后已被修改。", "The resource has changed since you read it (If-Match)."),
            new Dictionary<string, object?> { ["actualRevision"] = failed.ActualRevision }),
        CommandOutcome.Conflict conflict => Problems.Create(StatusCodes.Status409Conflict, "A concurrent change won.", "request.concurrency-conflict",
            new BilingualText("另一个并发修改已先提交。", "Another change was committed first; read again and retry."),
            new Dictionary<string, object?> { ["actualRevision"] = conflict.ActualRevision }),
        CommandOutcome.NotFound => Problems.NotFound(),
        CommandOutcome.Denied denied => Problems.Forbidden(denied.Reason),
        CommandOutcome.InvalidInput invalid => Problems.Validation(invalid.Errors),
        _ => throw new InvalidOperationException($"Outcome {outcome.GetType().Name} is not a problem."),
    });

    private static WriteReceipt Receipt(CommandOutcome.Accepted accepted) => new(accepted.AggregateId, accepted.Revision, accepted.Replayed);
}

using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Http;

/// <summary>The one mapping from application outcomes to HTTP responses.</summary>
public static class OutcomeResults
{
    /// <summary>Answers a command: 200/201 with the new ETag, or the problem its outcome describes.</summary>
    public static IResult ToHttp(this CommandOutcome outcome, HttpContext context, string? createdAt = null)
    {
        switch (outcome)
        {
            case CommandOutcome.Accepted accepted:
                context.Response.Headers.ETag = ETags.Format(accepted.Revision);
                var body = new WriteReceipt(accepted.AggregateId, accepted.Revision, accepted.Replayed);
                return createdAt is null ? TypedResults.Ok(body) : TypedResults.Created(createdAt, body);
            case CommandOutcome.Rejected rejected:
                return Problems.Domain(rejected.Error);
            case CommandOutcome.PreconditionFailed failed:
                return Problems.Create(StatusCodes.Status412PreconditionFailed, "The resource has changed since you read it.", "request.precondition-failed",
                    new BilingualText("资源在您读取之后已被修改。", "The resource has changed since you read it (If-Match)."),
                    new Dictionary<string, object?> { ["actualRevision"] = failed.ActualRevision });
            case CommandOutcome.Conflict conflict:
                return Problems.Create(StatusCodes.Status409Conflict, "A concurrent change won.", "request.concurrency-conflict",
                    new BilingualText("另一个并发修改已先提交。", "Another change was committed first; read again and retry."),
                    new Dictionary<string, object?> { ["actualRevision"] = conflict.ActualRevision });
            case CommandOutcome.NotFound:
                return Problems.NotFound();
            case CommandOutcome.Denied denied:
                return Problems.Forbidden(denied.Reason);
            case CommandOutcome.InvalidInput invalid:
                return Problems.Validation(invalid.Errors);
            default:
                throw new InvalidOperationException($"Unmapped outcome {outcome.GetType().Name}.");
        }
    }

    /// <summary>Answers a query: 200 with the view (and ETag when it is one stream's state), or its problem.</summary>
    public static IResult ToHttp<T>(this QueryOutcome<T> outcome, HttpContext context)
    {
        switch (outcome)
        {
            case QueryOutcome<T>.Found found:
                if (found.Revision is { } revision)
                {
                    context.Response.Headers.ETag = ETags.Format(revision);
                }

                return TypedResults.Ok(found.Value);
            case QueryOutcome<T>.NotFound:
                return Problems.NotFound();
            case QueryOutcome<T>.Denied denied:
                return Problems.Forbidden(denied.Reason);
            case QueryOutcome<T>.InvalidInput invalid:
                return Problems.Validation(invalid.Errors);
            default:
                throw new InvalidOperationException($"Unmapped outcome {outcome.GetType().Name}.");
        }
    }
}

/// <summary>The body of every successful write: which aggregate, at which revision, and whether it was a replay.</summary>
public sealed record WriteReceipt(Guid Id, long Revision, bool Replayed);

using Collaboration.Api.Application;
using Mediator;

namespace Collaboration.Api.Http;

/// <summary>
/// The shared path of every endpoint: who is calling (from the token), how the write is shaped (headers),
/// send through the mediator pipeline, map the outcome. Endpoints only say which request to build.
/// </summary>
public static class Dispatch
{
    public static async Task<IResult> WriteAsync(HttpContext http, IMediator mediator, Func<Caller, WriteOptions, IWrite> build, Func<Guid, string>? location = null)
    {
        if (Caller.FromPrincipal(http.User) is not { } caller)
        {
            return Problems.Forbidden("The token carries no usable role (office, partner with org, observer with observer id, auditor).");
        }

        if (!HttpWrite.TryRead(http, out var options, out var problem))
        {
            return problem!;
        }

        var outcome = await mediator.Send(build(caller, options), http.RequestAborted);
        // A replayed create answers 201 again with the same Location: the client sees the first response.
        var created = location is not null && outcome is CommandOutcome.Accepted accepted ? location(accepted.AggregateId) : null;
        return outcome.ToHttp(http, created);
    }

    public static async Task<IResult> ReadAsync<T>(HttpContext http, IMediator mediator, Func<Caller, IRead<T>> build)
    {
        if (Caller.FromPrincipal(http.User) is not { } caller)
        {
            return Problems.Forbidden("The token carries no usable role (office, partner with org, observer with observer id, auditor).");
        }

        var outcome = await mediator.Send(build(caller), http.RequestAborted);
        return outcome.ToHttp(http);
    }
}

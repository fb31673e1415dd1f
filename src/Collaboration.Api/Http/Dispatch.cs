using Collaboration.Api.Application;
using Collaboration.Api.Modules.Views.Paging;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Http;

/// <summary>
/// The shared path of every endpoint: who is calling (from the token), how the write is shaped (headers),
/// send through the mediator pipeline, map the outcome. Endpoints only say which request to build.
/// </summary>
public static class Dispatch
{
    private const string NoUsableRole = "The token carries no usable role (office, partner with org, observer with observer id, auditor).";

    /// <summary>A write on an existing item.</summary>
    public static async Task<Results<WriteAccepted, WriteProblem>> WriteAsync(HttpContext http, IMediator mediator, Func<Caller, WriteOptions, IWrite> build) =>
        (await SendAsync(http, mediator, build)).ToHttp();

    /// <summary>A write that creates an item at <paramref name="location"/> of its id (for a replay too: the client sees the first answer).</summary>
    public static async Task<Results<WriteCreated, WriteProblem>> CreateAsync(
        HttpContext http, IMediator mediator, Func<Caller, WriteOptions, IWrite> build, Func<Guid, string> location) =>
        (await SendAsync(http, mediator, build)).ToCreated(location);

    public static async Task<Results<Found<T>, ReadProblem>> ReadAsync<T>(HttpContext http, IMediator mediator, Func<Caller, IRead<T>> build)
    {
        if (RequestCaller.Of(http) is not { } caller)
        {
            return QueryOutcome<T>.Forbidden(NoUsableRole).ToHttp();
        }

        return (await mediator.Send(build(caller), http.RequestAborted)).ToHttp();
    }

    /// <summary>A page of a list: 200 with the page and its next link, or the read's problem.</summary>
    public static async Task<Results<FoundPage<T>, ReadProblem>> ReadPageAsync<T>(HttpContext http, IMediator mediator, Func<Caller, IRead<ListPage<T>>> build)
    {
        if (RequestCaller.Of(http) is not { } caller)
        {
            return (ReadProblem)QueryOutcome<ListPage<T>>.Forbidden(NoUsableRole).ToHttp().Result;
        }

        var outcome = await mediator.Send(build(caller), http.RequestAborted);
        return outcome is QueryOutcome<ListPage<T>>.Found found ? new FoundPage<T>(found.Value) : (ReadProblem)outcome.ToHttp().Result;
    }

    /// <summary>The outcome of a write, for an endpoint whose success answers more than a receipt.</summary>
    public static async Task<CommandOutcome> SendAsync(HttpContext http, IMediator mediator, Func<Caller, WriteOptions, IWrite> build)
    {
        if (RequestCaller.Of(http) is not { } caller)
        {
            return CommandOutcome.Forbidden(NoUsableRole);
        }

        if (!HttpWrite.TryRead(http, out var options, out var errors))
        {
            return CommandOutcome.Invalid(errors);
        }

        return await mediator.Send(build(caller, options), http.RequestAborted);
    }
}

using System.Reflection;
using Collaboration.Api.Application;

namespace Collaboration.Api.Http;

/// <summary>
/// The convention every endpoint declares once: who may call it. Its responses are not declared here: they come from
/// the handler's typed result (see ADR 0016).
/// </summary>
public static class EndpointConventions
{
    /// <summary>
    /// Applies the request type's <see cref="AllowedRolesAttribute"/> as an authorization policy on the endpoint, so a
    /// caller in the wrong role is refused (403) before the body is even read. The authorisation behaviour checks the
    /// same attribute again inside the pipeline: one list, enforced at both doors.
    /// </summary>
    public static RouteHandlerBuilder For<TRequest>(this RouteHandlerBuilder builder)
        where TRequest : ICallerRequest
    {
        var roles = typeof(TRequest).GetCustomAttribute<AllowedRolesAttribute>()?.Roles ?? [];
        return builder
            .RequireAuthorization(policy => policy.RequireAssertion(context =>
                (context.Resource is HttpContext http ? RequestCaller.Of(http) : Caller.FromPrincipal(context.User)) is { } caller
                && roles.Contains(caller.Role)))
            .WithMetadata(new AllowedRolesAttribute([.. roles]));
    }
}

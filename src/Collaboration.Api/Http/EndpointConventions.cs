using System.Reflection;
using Collaboration.Api.Application;

namespace Collaboration.Api.Http;

/// <summary>Conventions every endpoint declares once: who may call it, and the problems it can answer.</summary>
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
                Caller.FromPrincipal(context.User) is { } caller && roles.Contains(caller.Role)))
            .WithMetadata(new AllowedRolesAttribute([.. roles]));
    }

    public static RouteHandlerBuilder WithWriteProblems(this RouteHandlerBuilder builder) =>
        builder
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    public static RouteHandlerBuilder WithReadProblems(this RouteHandlerBuilder builder) =>
        builder
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}

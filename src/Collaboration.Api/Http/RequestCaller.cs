using System.Security.Claims;
using Collaboration.Api.Application;

namespace Collaboration.Api.Http;

/// <summary>
/// The request's <see cref="Caller"/>, read from its claims once: the rate limiter's partition, the endpoint's role check
/// and the dispatch each need it, and <see cref="Caller.FromPrincipal"/> scans the claims every time it is asked.
/// </summary>
public static class RequestCaller
{
    public static Caller? Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var user = http.User;
        // Kept with the principal it was read from: a caller read before authentication replaced the user is not reused.
        if (http.Features.Get<Known>() is { } known && ReferenceEquals(known.User, user))
        {
            return known.Caller;
        }

        var caller = Caller.FromPrincipal(user);
        http.Features.Set(new Known(user, caller));
        return caller;
    }

    private sealed record Known(ClaimsPrincipal User, Caller? Caller);
}

using System.Security.Claims;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Application;

/// <summary>
/// The authenticated user behind a request, read once from the token's claims. Authorisation decisions and
/// event metadata both come from here, never from the request body.
/// </summary>
public sealed record Caller(string Id, CallerRole Role, PartnerId? Organisation, ObserverId? Observer, string? DisplayName = null)
{
    public const string RoleClaim = "role";
    public const string OrganisationClaim = "org";
    public const string ObserverClaim = "observer";

    /// <summary>The identity the demo seeder and the CLI act under.</summary>
    public static Caller System { get; } = new("system", CallerRole.Office, null, null, "system");

    /// <summary>
    /// Anyone without a token: the open-government portal (<c>/open</c>) reads as this caller, so the visibility policy's
    /// public row decides what it shows. No token grants this role and it is in no endpoint's role list.
    /// </summary>
    public static Caller Anonymous { get; } = new("anonymous", CallerRole.Public, null, null, null);

    public bool IsOffice => Role == CallerRole.Office;

    public bool IsPartnerOf(PartnerId organisation) => Role == CallerRole.Partner && Organisation == organisation;

    /// <summary>The caller as the visibility policy sees it.</summary>
    public Domain.Visibility.Viewer ToViewer() => new(Role switch
    {
        CallerRole.Office => Domain.Visibility.ViewerRole.Office,
        CallerRole.Auditor => Domain.Visibility.ViewerRole.Auditor,
        CallerRole.Partner => Domain.Visibility.ViewerRole.Partner,
        CallerRole.Observer => Domain.Visibility.ViewerRole.Observer,
        CallerRole.Public or _ => Domain.Visibility.ViewerRole.Public,
    }, Organisation?.Value, Observer?.Value, Id);

    public Actor ToActor() => new(Id, Role switch
    {
        CallerRole.Office => ActorRole.Office,
        CallerRole.Partner => ActorRole.Partner,
        CallerRole.Observer => ActorRole.Observer,
        CallerRole.Auditor => ActorRole.Auditor,
        CallerRole.Public => throw new InvalidOperationException("The public reads; it never writes."),
        _ => ActorRole.System,
    }, Organisation);

    /// <summary>Reads a caller from claims; null when the token lacks a known role or a partner lacks its organisation.</summary>
    public static Caller? FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier)
                 ?? principal.FindFirstValue("sub")
                 ?? principal.FindFirstValue(ClaimTypes.Name)
                 ?? principal.Identity.Name;
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Concat(principal.FindAll(RoleClaim)).Select(c => c.Value);
        CallerRole? role = null;
        foreach (var value in roles)
        {
            if (RoleNamed(value) is { } parsed)
            {
                // Least privilege wins when a token carries several roles.
                role = role is null || parsed > role ? parsed : role;
            }
        }

        if (role is null)
        {
            return null;
        }

        PartnerId? organisation = Guid.TryParse(principal.FindFirstValue(OrganisationClaim), out var org) ? new PartnerId(org) : null;
        ObserverId? observer = Guid.TryParse(principal.FindFirstValue(ObserverClaim), out var obs) ? new ObserverId(obs) : null;
        if (role == CallerRole.Partner && organisation is null)
        {
            return null;
        }

        if (role == CallerRole.Observer && observer is null)
        {
            return null;
        }

        return new Caller(id, role.Value, organisation, observer, principal.FindFirstValue(ClaimTypes.Name) ?? principal.Identity.Name);
    }

    /// <summary>
    /// Only a role's name counts. Enum.TryParse also takes "1" or "3" (and " 1, 2"), so a token whose role claim is a
    /// number would otherwise pick a role by the enum's ordering, which no authority means to grant.
    /// </summary>
    private static CallerRole? RoleNamed(string value)
    {
        foreach (var role in Enum.GetValues<CallerRole>().Where(r => r != CallerRole.Public))
        {
            if (string.Equals(role.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                return role;
            }
        }

        return null;
    }
}

/// <summary>The four roles a token carries, ordered from most to least privileged, and the public, who has no token.</summary>
public enum CallerRole
{
    Office = 1,
    Auditor = 2,
    Partner = 3,
    Observer = 4,
    Public = 5,
}

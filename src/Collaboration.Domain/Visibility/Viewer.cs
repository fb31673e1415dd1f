namespace Collaboration.Domain.Visibility;

/// <summary>
/// Who is looking: the role, and the relationships a role carries (a partner's organisation, an observer's id). Built
/// once from the caller's token; the visibility policy decides from it alone, never from anything in a request.
/// </summary>
public sealed record Viewer(ViewerRole Role, Guid? Organisation = null, Guid? Observer = null, string? User = null)
{
    public static Viewer Office { get; } = new(ViewerRole.Office, User: "system");

    public static Viewer Public { get; } = new(ViewerRole.Public);

    /// <summary>Office staff and auditors read the whole record (erased personal data still reads as erased).</summary>
    public bool IsPrivileged => Role is ViewerRole.Office or ViewerRole.Auditor;

    /// <summary>The one audience this viewer belongs to besides <c>public</c> (null for office and auditors, who need none).</summary>
    public string? OwnAudience => Role switch
    {
        ViewerRole.Partner when Organisation is { } org => VisibilityPolicy.OrganisationAudience(org),
        ViewerRole.Observer when Observer is { } observer => VisibilityPolicy.ObserverAudience(observer),
        _ => null,
    };
}

/// <summary>The roles the policy knows; <see cref="Public"/> is anyone without a token.</summary>
public enum ViewerRole
{
    Office = 1,
    Auditor = 2,
    Partner = 3,
    Observer = 4,
    Public = 5,
}

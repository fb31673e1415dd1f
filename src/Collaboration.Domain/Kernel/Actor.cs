namespace Collaboration.Domain.Kernel;

/// <summary>Who issues a command. Deciders use it for rules that depend on the role (a partner's report needs review).</summary>
public sealed record Actor(string Id, ActorRole Role, PartnerId? Organisation = null)
{
    public static Actor Office(string id) => new(id, ActorRole.Office);

    public static Actor Partner(string id, PartnerId organisation) => new(id, ActorRole.Partner, organisation);
}

public enum ActorRole
{
    Office = 1,
    Partner = 2,
    Observer = 3,
    Auditor = 4,
    System = 5,
}

namespace Collaboration.Api.Application;

/// <summary>
/// The roles that may send a request at all. A request without this attribute is refused for everybody
/// (deny by default); resource-level scoping (which partner, which observer) is an <see cref="IAccessRule{TRequest}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowedRolesAttribute(params CallerRole[] roles) : Attribute
{
    public IReadOnlyList<CallerRole> Roles { get; } = roles;
}

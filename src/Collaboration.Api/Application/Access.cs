namespace Collaboration.Api.Application;

/// <summary>
/// A resource-level decision. <see cref="Hidden"/> answers 404 rather than 403 where admitting that a resource
/// exists would leak another partner's data.
/// </summary>
public enum Access
{
    Allowed = 1,
    Denied = 2,
    Hidden = 3,
}

/// <summary>Resource-level authorisation for one request type (e.g. "a partner only writes reports on commitments it owns").</summary>
public interface IAccessRule<in TRequest>
{
    ValueTask<Access> CheckAsync(TRequest request, CancellationToken cancellationToken);
}

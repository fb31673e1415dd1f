namespace Collaboration.Api.Application;

/// <summary>
/// Lets the pipeline behaviours short-circuit any request with the outcome type that request returns,
/// so validation and authorisation live in one place and never in handlers.
/// </summary>
public interface IOutcome<TSelf>
    where TSelf : IOutcome<TSelf>
{
    static abstract TSelf Forbidden(string reason);

    static abstract TSelf Missing();

    static abstract TSelf Invalid(IReadOnlyDictionary<string, string[]> errors);
}

using Collaboration.Api.Application;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Visibility;

namespace Collaboration.Api.Visibility;

/// <summary>
/// The resource rule every single-item read uses: the policy refuses the item → 404, as if it did not exist (admitting
/// that it exists would already tell a partner about another's business). See ADR 0006.
/// </summary>
public static class ReadAccess
{
    public static async ValueTask<Access> OfStreamAsync(this VisibilityService visibility, Caller caller, string stream, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(visibility);
        return (await visibility.For(caller).VerdictAsync(stream, ct)).Refused ? Access.Hidden : Access.Allowed;
    }

    /// <summary>The verdict on an item whose state the handler has already loaded (its fields, not its admission).</summary>
    public static Verdict Decide(this VisibilityPolicy policy, Caller caller, string stream, object state)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(caller);
        return policy.Decide(caller.ToViewer(), StateFacts.Of(ItemFacts.OfStream(stream), state));
    }
}

using Collaboration.Domain.Visibility;

namespace Collaboration.Api.Visibility;

/// <summary>
/// Endpoint metadata: which kind of item a read endpoint shows, so the policy's table has a row for it. Every GET under
/// <c>/api</c> carries one; the leak matrix fails an endpoint without it.
/// </summary>
/// <param name="Kind">The kind of item shown, or null where each item of the answer is judged by its own stream.</param>
/// <param name="Note">How the policy applies, where the kind alone does not say.</param>
public sealed record VisibilityDecision(ItemKind? Kind, string Note);

public static class VisibilityDecisionExtensions
{
    /// <summary>Declares that the endpoint's answers go through the visibility policy for items of <paramref name="kind"/>.</summary>
    public static TBuilder ShowsItems<TBuilder>(this TBuilder builder, ItemKind? kind, string note = "")
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new VisibilityDecision(kind, note));
}

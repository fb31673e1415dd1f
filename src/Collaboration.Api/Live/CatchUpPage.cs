namespace Collaboration.Api.Live;

/// <summary>What <c>CatchUp</c> answers: one bounded page of changes.</summary>
/// <param name="Changes">Documents the caller may see that changed after the position asked for, in position order.</param>
/// <param name="Next">The position to pass to the next <c>CatchUp</c>: every change up to it was considered for this page.</param>
/// <param name="HasMore">True when changes after <paramref name="Next"/> may exist: call <c>CatchUp(Next)</c> again.</param>
public sealed record CatchUpPage(IReadOnlyList<ViewChange> Changes, long Next, bool HasMore);

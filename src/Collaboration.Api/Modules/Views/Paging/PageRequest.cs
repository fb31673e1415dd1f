namespace Collaboration.Api.Modules.Views.Paging;

/// <summary>
/// The paging a list request asks for, as sent: <c>limit</c> (<see cref="DefaultLimit"/> when left out, 1 to
/// <see cref="MaxLimit"/>), <c>after</c> (the cursor of a previous page's <c>next</c> link) and <c>sort</c> (one of the
/// list's sort names, <c>-</c> before it for descending).
/// </summary>
public sealed record PageRequest(int? Limit = null, string? After = null, string? Sort = null)
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    public static PageRequest First { get; } = new();
}

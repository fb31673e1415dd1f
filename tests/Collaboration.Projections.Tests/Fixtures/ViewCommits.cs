using Collaboration.Projections.Storage;

namespace Collaboration.Projections.Tests.Fixtures;

/// <summary>Writes to a view store the way a projection batch does: one transaction, committed.</summary>
internal static class ViewCommits
{
    public static async Task CommitAsync(this IViewStore views, Action<IViewTransaction> write)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(write);
        await using var transaction = await views.BeginAsync();
        write(transaction);
        await transaction.CommitAsync(default);
    }
}

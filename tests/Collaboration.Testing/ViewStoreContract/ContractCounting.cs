using Collaboration.Projections.Running;

namespace Collaboration.Testing.ViewStoreContract;

/// <summary>Counts every event into one document and lists each in its feed: an event applied twice or lost shows.</summary>
public sealed class ContractCounting : IProjection
{
    public const string ViewName = "contract-count";

    public string Name => ViewName;

    public int Version { get; init; } = 1;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        var current = await context.Views.GetAsync<Count>("all", ct) ?? new Count(0, 0);
        await context.Views.PutAsync("all", new Count(current.Events + 1, projected.Position), ViewScope.OfficeOnly, ct);
        await context.Views.AddToFeedAsync(ViewScope.Everyone, ct);
    }

    public sealed record Count(int Events, long LastPosition);
}

using Collaboration.Projections.Running;

namespace Collaboration.Projections.Tests.Fixtures;

/// <summary>Counts every event it sees: any event applied twice shows up as a wrong count.</summary>
public sealed class CountingProjection : IProjection
{
    public const string ViewName = "test-count";

    public string Name => ViewName;

    public int Version { get; init; } = 1;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        var current = await context.Views.GetAsync<Count>("all", ct) ?? new Count(0, 0);
        await context.Views.PutAsync("all", new Count(current.Events + 1, projected.Position), ViewScope.OfficeOnly, ct);
    }

    public sealed record Count(int Events, long LastPosition);
}

namespace Collaboration.Bench.Live.Load;

/// <summary>The connected dashboards, in the driver's process (<see cref="Dashboards"/>) or a child's (<see cref="DashboardProcess"/>).</summary>
internal interface IDashboards : IAsyncDisposable
{
    /// <summary>Changes received by all dashboards so far.</summary>
    long Received { get; }

    int Count { get; }
}

namespace Collaboration.Bench.Live.Load;

/// <summary>The connected dashboards, in the driver's process (<see cref="Dashboards"/>) or a child's (<see cref="DashboardProcess"/>).</summary>
internal interface IDashboards : IAsyncDisposable
{
    /// <summary>Changes received by all dashboards so far.</summary>
    long Received { get; }

    /// <summary>Bytes of the received documents' JSON (<c>Data</c>) so far: what the pushes cost the connections.</summary>
    long Bytes { get; }

    int Count { get; }
}

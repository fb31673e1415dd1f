using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Collaboration.Api.Application;

/// <summary>The tracker's own traces and metrics (exported over OTLP when an endpoint is configured).</summary>
public static class Telemetry
{
    public const string Name = "Collaboration";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("collaboration.requests", description: "Commands and queries handled, by outcome.");

    public static readonly Counter<long> Appends = Meter.CreateCounter<long>("collaboration.appends", description: "Events appended to the log.");

    /// <summary>Reports each projection's lag (log head minus checkpoint) as the gauge <c>collaboration.projections.lag</c>.</summary>
    public static ObservableGauge<long> ObserveProjectionLag(Func<IEnumerable<(string Projection, long Lag)>> read) =>
        Meter.CreateObservableGauge(
            "collaboration.projections.lag",
            () => read().Select(p => new Measurement<long>(p.Lag, new KeyValuePair<string, object?>("projection", p.Projection))),
            unit: "{event}",
            description: "Events between the log head and each projection's checkpoint.");

    public static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("collaboration.conflicts", description: "Optimistic-concurrency conflicts (retried or returned).");
}

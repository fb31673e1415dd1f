using System.Diagnostics.Metrics;
using System.Net;
using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.Running;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Live;

public sealed class ProjectionOperationsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task readiness_includes_projections_caught_up()
    {
        await api.WaitForViewsAsync(await api.RegisteredPartnerAsync(PartnerId.New(), "Chamber"));

        var response = await api.CreateClient().GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.Services.GetRequiredService<ProjectionRunner>().MaxLagAsync()).Should().Be(0);
    }

    [Fact]
    public async Task projection_lag_is_exported_as_a_gauge_per_projection()
    {
        await api.WaitForViewsAsync(await api.RegisteredPartnerAsync(PartnerId.New(), "Chamber"));
        var measured = new List<(string Projection, long Lag)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Telemetry.Name && instrument.Name == "collaboration.projections.lag")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "projection")
                {
                    measured.Add(((string)tag.Value!, value));
                }
            }
        });
        listener.Start();

        listener.RecordObservableInstruments();

        measured.Should().Contain((ViewNames.MemorandumProgress, 0L)).And.Contain((ViewNames.Partners, 0L));
    }

    [Fact]
    public async Task the_in_process_feed_delivers_committed_changes_to_subscribers()
    {
        var feed = api.Services.GetRequiredService<IViewChangeFeed>();
        var received = new TaskCompletionSource<ViewChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var partner = PartnerId.New();
        using var subscription = feed.Subscribe(change =>
        {
            if (change.View == ViewNames.Partners && change.Key == partner.ToString())
            {
                received.TrySetResult(change);
            }

            return Task.CompletedTask;
        });

        var position = await api.RegisteredPartnerAsync(partner, "Hongkou Industry Association");

        var change = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));
        change.Position.Should().Be(position);
        change.Data.GetProperty("name").GetProperty("en").GetString().Should().Be("Hongkou Industry Association");
    }
}

using Collaboration.Api.Modules;
using Collaboration.EventStore;
using Collaboration.Projections.Running;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Browser.Tests.Fixtures;

/// <summary>
/// The app with the demo scenario seeded (its memorandum and one observer answer published by the office) and every
/// read model caught up: what the portal and the accessibility checks look at.
/// </summary>
public sealed class DemoDashboardApp : IAsyncLifetime
{
    public DashboardApp App { get; } = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        await DemoData.SeedAsync(App.Services, CancellationToken.None);
        var head = await App.Services.GetRequiredService<IEventStore>().ReadHeadPositionAsync();
        await App.Services.GetRequiredService<ProjectionRunner>().WaitForAsync(head).WaitAsync(TimeSpan.FromSeconds(60));
    }

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

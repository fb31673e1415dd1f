using Collaboration.Api.Modules.Notifications;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.EventStore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Api.Tests.Notifications;

/// <summary>The app over a clock the test moves, starting Wednesday 25 September 2024, 10:00 in Shanghai.</summary>
public sealed class ApiAtFixedMoment : ApiFactory
{
    public FakeTimeProvider Clock { get; } = new(ClockOverride.StoryMoment);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseClock(Clock);
    }

    /// <summary>A notification reactor of the test's own over <paramref name="store"/> (a counting one, say), beside the app's.</summary>
    public NotificationReactor NewReactor(IEventStore store)
    {
        var recipients = ActivatorUtilities.CreateInstance<NotificationRecipients>(Services, store);
        return ActivatorUtilities.CreateInstance<NotificationReactor>(Services, store, recipients, NullLogger<NotificationReactor>.Instance);
    }

    /// <summary>Steps <paramref name="reactor"/> at least once and until it has applied the whole log.</summary>
    public async Task CatchUpAsync(NotificationReactor reactor)
    {
        ArgumentNullException.ThrowIfNull(reactor);
        var store = Services.GetRequiredService<IEventStore>();
        do
        {
            await reactor.StepAsync(CancellationToken.None);
        }
        while (reactor.Checkpoint < await store.ReadHeadPositionAsync());
    }
}

using Collaboration.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
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
}

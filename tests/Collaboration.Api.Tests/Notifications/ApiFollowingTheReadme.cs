using Collaboration.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Api.Tests.Notifications;

/// <summary>
/// The app with e-mail configured as the README says (<c>Notifications:Smtp:*</c>, a real SMTP server in this
/// process) and a real HTTP receiver for partner webhooks, over a clock the test moves, starting Wednesday
/// 25 September 2024, 10:00 in Shanghai.
/// </summary>
public sealed class ApiFollowingTheReadme : ApiWithMailAndWebhooks
{
    public FakeTimeProvider Clock { get; } = new(ClockOverride.StoryMoment);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseClock(Clock);
    }
}

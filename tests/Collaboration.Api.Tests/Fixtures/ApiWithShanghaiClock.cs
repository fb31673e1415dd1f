using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Api.Tests.Fixtures;

/// <summary>The app over a clock the test moves: 18:30 UTC, which is already 02:30 the next day in Shanghai.</summary>
public sealed class ApiWithShanghaiClock : ApiFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(18).AddMinutes(30), TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseClock(Clock);
    }
}

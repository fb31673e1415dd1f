using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collaboration.Api.Tests.Fixtures;

/// <summary>Swaps the app's clock for the test's, the one way every fixture that controls time does it.</summary>
public static class ClockOverride
{
    /// <summary>Wednesday 25 September 2024, 10:00 in Shanghai: the notification tests' starting moment.</summary>
    public static readonly DateTimeOffset StoryMoment = new(2024, 9, 25, 2, 0, 0, TimeSpan.Zero);

    public static IWebHostBuilder UseClock(this IWebHostBuilder builder, TimeProvider clock) =>
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(clock);
        });
}

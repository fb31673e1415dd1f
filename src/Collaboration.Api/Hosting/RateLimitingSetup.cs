using System.Threading.RateLimiting;
using Collaboration.Api.Application;
using Collaboration.Api.Http;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Hosting;

/// <summary>Per-user token buckets (per client address when anonymous); 429 with problem details and Retry-After.</summary>
public static class RateLimitingSetup
{
    public static IServiceCollection AddPerUserRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:PermitsPerSecond", 50);
        var burst = configuration.GetValue("RateLimiting:Burst", 200);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // The same identity the rest of the app uses; a token without one is limited by address.
                var user = RequestCaller.Of(context) is { } caller
                    ? "user:" + caller.Id
                    : "ip:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = permits,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await Problems.Create(StatusCodes.Status429TooManyRequests, "Too many requests.", "request.rate-limited",
                    new BilingualText("请求过于频繁，请稍后再试。", "Too many requests; retry after a second.")).ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Collaboration.Api.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy the tracker sees plain http from the proxy; X-Forwarded-Proto and X-Forwarded-For restore
/// the client's scheme and address, so secure cookies, redirects and rate-limit partitions are right. The headers are believed
/// only from the proxies named under <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c>
/// (CIDR), plus loopback as ASP.NET Core trusts by default; from anyone else they would let a client claim any address or https.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddProxyForwarding(this IServiceCollection services, IConfiguration configuration)
    {
        // Parsed here rather than inside the options callback so a mistyped address stops the start, not the first request.
        var proxies = (configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? []).Select(IPAddress.Parse).ToList();
        var networks = (configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? []).Select(System.Net.IPNetwork.Parse).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }
}

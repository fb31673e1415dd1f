using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Fixtures;

/// <summary>
/// The app as it starts in another environment with only the given settings (no test defaults such as Swagger:Enabled),
/// for the checks of what each environment exposes. A request's <see cref="RemoteAddressHeader"/> stands in for the TCP
/// peer the test server does not have.
/// </summary>
public sealed class ApiInEnvironment(string environment, params (string Key, string Value)[] settings) : ApiFactory
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    protected override string EnvironmentName => environment;

    protected override IEnumerable<KeyValuePair<string, string>> Settings => settings.Select(s => KeyValuePair.Create(s.Key, s.Value));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, RemoteAddressFromHeader>());
    }

    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                if (context.Request.Headers[RemoteAddressHeader] is [{ } address])
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                }

                await following(context);
            });
            next(app);
        };
    }
}

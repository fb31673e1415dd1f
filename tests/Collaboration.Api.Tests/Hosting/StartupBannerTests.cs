using Collaboration.Api.Hosting;

namespace Collaboration.Api.Tests.Hosting;

public sealed class StartupBannerTests
{
    [Fact]
    public void development_banner_names_the_dashboard_swagger_sign_in_and_token_command_for_each_address()
    {
        var lines = StartupBanner.Lines(["http://[::]:5080", "http://127.0.0.1:5099"], swagger: true, development: true);

        lines.Should().Contain("Dashboard · 看板: http://localhost:5080/")
            .And.Contain("Swagger UI: http://localhost:5080/swagger")
            .And.Contain("Development sign-in · 开发环境登录: http://127.0.0.1:5099/signin")
            .And.ContainSingle(l => l.Contains("dotnet user-jwts create", StringComparison.Ordinal));
    }

    [Fact]
    public void production_banner_names_no_swagger_sign_in_or_token_command()
    {
        var lines = StartupBanner.Lines(["https://0.0.0.0:443"], swagger: false, development: false);

        lines.Should().Equal("Dashboard · 看板: https://localhost/");
    }
}

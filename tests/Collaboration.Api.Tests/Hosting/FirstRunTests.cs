using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Api.Tests.Hosting;

/// <summary>
/// The README's first run, in its order, against the real tracker process in Development on a machine that has never
/// run <c>dotnet user-jwts</c> (a fresh HOME): <c>--demo --urls</c> serves on the given port, the startup log says where
/// the dashboard is, and a token whose signing key is written after the tracker started is accepted without a restart.
/// </summary>
public sealed class FirstRunTests
{
    private const string UserSecretsId = "collaboration-api-7f3c1d2e";

    [Fact]
    public async Task demo_with_urls_serves_on_that_port_prints_where_to_go_and_accepts_tokens_made_after_start()
    {
        var home = Directory.CreateTempSubdirectory("collaboration-first-run-").FullName;
        var port = FreePort();
        var output = new ConcurrentQueue<string>();
        using var tracker = Start(home, port, output);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitForAsync(() => output.Any(l => l.Contains($"Dashboard · 看板: http://127.0.0.1:{port}/", StringComparison.Ordinal)), tracker, output,
                "the startup log names the dashboard at the address given with --urls");
            output.Should().Contain(l => l.Contains($"Swagger UI: http://127.0.0.1:{port}/swagger", StringComparison.Ordinal))
                .And.Contain(l => l.Contains("dotnet user-jwts create", StringComparison.Ordinal));
            (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);

            var key = new byte[32];
            System.Security.Cryptography.RandomNumberGenerator.Fill(key);
            var token = Token(key, $"http://localhost:{port}");
            using var before = new HttpRequestMessage(HttpMethod.Get, "/api/v1/partners") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
            (await client.SendAsync(before)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the key does not exist yet");

            // What `dotnet user-jwts create` writes on its first run: the secrets directory and file did not exist before.
            WriteUserJwtsSecrets(home, key, $"http://localhost:{port}");

            var accepted = false;
            var clock = Stopwatch.StartNew();
            while (!accepted && clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/partners") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
                using var response = await client.SendAsync(request);
                accepted = response.StatusCode == HttpStatusCode.OK;
                if (!accepted)
                {
                    await Task.Delay(250);
                }
            }

            accepted.Should().BeTrue("a token made after the tracker started is accepted without a restart");
            var partners = await client.GetStringAsync("/signin");
            partners.Should().Contain("Robert", "the development sign-in lists observers by name");
        }
        finally
        {
            if (!tracker.HasExited)
            {
                tracker.Kill(entireProcessTree: true);
                await tracker.WaitForExitAsync();
            }

            try
            {
                Directory.Delete(home, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner.
            }
        }
    }

    private static Process Start(string home, int port, ConcurrentQueue<string> output)
    {
        var api = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [api, "--demo", "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(api)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["HOME"] = home;
        start.Environment["APPDATA"] = null;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = null;
        start.Environment["Store__Sqlite__Path"] = Path.Combine(home, "collaboration.db");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void WriteUserJwtsSecrets(string home, byte[] key, string audience)
    {
        var directory = Path.Combine(home, ".microsoft", "usersecrets", UserSecretsId);
        Directory.CreateDirectory(directory);
        var secrets = new Dictionary<string, object>
        {
            ["Authentication:Schemes:Bearer:ValidAudiences:0"] = audience,
            ["Authentication:Schemes:Bearer:ValidIssuer"] = "dotnet-user-jwts",
            ["Authentication:Schemes:Bearer:SigningKeys:0:Id"] = "f1rst7un",
            ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = "dotnet-user-jwts",
            ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(key),
            ["Authentication:Schemes:Bearer:SigningKeys:0:Length"] = 32,
        };
        File.WriteAllText(Path.Combine(directory, "secrets.json"), JsonSerializer.Serialize(secrets));
    }

    private static string Token(byte[] key, string audience) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "dotnet-user-jwts",
        Audience = audience,
        Subject = new ClaimsIdentity([new Claim("sub", "office.zhang"), new Claim("role", "office")]),
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key) { KeyId = "f1rst7un" }, SecurityAlgorithms.HmacSha256),
    });

    private static async Task WaitForAsync(Func<bool> condition, Process tracker, ConcurrentQueue<string> output, string because)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (tracker.HasExited || clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new Xunit.Sdk.XunitException($"Expected {because}; the tracker {(tracker.HasExited ? "exited" : "did not say so in 90 s")}:\n"
                    + string.Join('\n', output.TakeLast(40)));
            }

            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

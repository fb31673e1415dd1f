using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Claims;
using System.Collections.Concurrent;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using Collaboration.EventStore.Sqlite;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Api.Tests.Durability;

/// <summary>
/// The real tracker in its own process takes writes from several clients and is killed with SIGKILL mid-stream.
/// Every write it acknowledged with a 2xx must be in the log afterwards, the log must stay dense and its hash chain
/// must verify.
/// </summary>
public sealed class KillNineTests
{
    [Fact]
    public async Task every_acknowledged_write_survives_kill_9()
    {
        var directory = Directory.CreateTempSubdirectory("collaboration-kill9-").FullName;
        var database = Path.Combine(directory, "collaboration.db");
        var port = FreePort();
        var key = new byte[32];
        System.Security.Cryptography.RandomNumberGenerator.Fill(key);
        using var tracker = StartTracker(database, port, key);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(key));
            await WaitUntilLiveAsync(client, tracker);

            var acknowledged = new ConcurrentBag<Guid>();
            using var writing = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !writing.IsCancellationRequested && i < 2_000; i++)
                {
                    try
                    {
                        var response = await client.PostAsync("/api/v1/partners", ApiJson.Body(new
                        {
                            kind = "Enterprise",
                            name = new { zh = $"企业 {w}-{i}", en = $"Enterprise {w}-{i}" },
                            contacts = Array.Empty<object>(),
                            externalReference = (string?)null,
                        }));
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add(await response.CreatedIdAsync());
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            })).ToList();

            await Task.Delay(TimeSpan.FromSeconds(2));
            tracker.Kill(entireProcessTree: true);
            await tracker.WaitForExitAsync();
            await writing.CancelAsync();
            await Task.WhenAll(writers);

            acknowledged.Should().HaveCountGreaterThan(50, "the tracker acknowledged writes before it was killed");
            await using var store = await SqliteEventStore.OpenAsync(new SqliteEventStoreOptions { Path = database }, TimeProvider.System);
            foreach (var partner in acknowledged)
            {
                (await store.ReadStreamRevisionAsync(PartnerDecider.StreamName(PartnerId.From(partner))))
                    .Should().Be(0, $"partner {partner} was acknowledged");
            }

            var head = await store.ReadHeadPositionAsync();
            (await store.ReadAllAsync().CountAsync()).Should().Be((int)head, "positions stay dense after the crash");
            (await store.VerifyAsync()).IsValid.Should().BeTrue();
        }
        finally
        {
            if (!tracker.HasExited)
            {
                tracker.Kill(entireProcessTree: true);
            }

            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner.
            }
        }
    }

    private static Process StartTracker(string database, int port, byte[] key)
    {
        var api = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [api, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(api)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Store__Sqlite__Path"] = database;
        start.Environment["RateLimiting__PermitsPerSecond"] = "100000";
        start.Environment["RateLimiting__Burst"] = "100000";
        start.Environment["Authentication__Schemes__Bearer__ValidIssuer"] = "kill9";
        start.Environment["Authentication__Schemes__Bearer__ValidAudiences__0"] = "kill9";
        start.Environment["Authentication__Schemes__Bearer__SigningKeys__0__Id"] = "kill9";
        start.Environment["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = "kill9";
        start.Environment["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = Convert.ToBase64String(key);
        start.Environment["Authentication__Schemes__Bearer__SigningKeys__0__Length"] = "32";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string Token(byte[] key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "kill9",
        Audience = "kill9",
        Subject = new ClaimsIdentity([new Claim("sub", "office.kill9"), new Claim("role", "office")]),
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key) { KeyId = "kill9" }, SecurityAlgorithms.HmacSha256),
    });

    private static async Task WaitUntilLiveAsync(HttpClient client, Process tracker)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            tracker.HasExited.Should().BeFalse("the tracker must start");
            try
            {
                if ((await client.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The tracker did not start within a minute.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Api.Tests.Reliability.Crash;

/// <summary>
/// The real tracker in its own process (<c>dotnet Collaboration.Api.dll</c>) over a given SQLite file, accepting tokens
/// signed with a key of this run, so it can be killed with SIGKILL and started again on the same files.
/// </summary>
public sealed class TrackerProcess : IDisposable
{
    private const string Issuer = "crash";

    private readonly byte[] _key;
    private readonly Process _process;

    private TrackerProcess(string database, byte[] key, IReadOnlyDictionary<string, string>? settings)
    {
        _key = key;
        Port = FreePort();
        var api = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [api, "--urls", $"http://127.0.0.1:{Port}"])
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
        start.Environment["Authentication__Schemes__Bearer__ValidIssuer"] = Issuer;
        start.Environment["Authentication__Schemes__Bearer__ValidAudiences__0"] = Issuer;
        start.Environment["Authentication__Schemes__Bearer__SigningKeys__0__Id"] = Issuer;
        start.Environment["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = Issuer;
        start.Environment["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = Convert.ToBase64String(key);
        start.Environment["Authentication__Schemes__Bearer__SigningKeys__0__Length"] = "32";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts the tracker; <paramref name="settings"/> are further environment variables (configuration, <c>A__B</c>).</summary>
    public static async Task<TrackerProcess> StartAsync(string database, byte[] key, IReadOnlyDictionary<string, string>? settings = null)
    {
        var tracker = new TrackerProcess(database, key, settings);
        await tracker.WaitUntilLiveAsync();
        return tracker;
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public string Token(string name, string role, params Claim[] extra) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Issuer,
        Subject = new ClaimsIdentity([new Claim("sub", name), new Claim("role", role), .. extra]),
        Expires = DateTime.UtcNow.AddHours(2),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(_key) { KeyId = Issuer }, SecurityAlgorithms.HmacSha256),
    });

    /// <summary>SIGKILL: no shutdown hook, no flush, no checkpoint.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private async Task WaitUntilLiveAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The tracker exited with {_process.ExitCode} while starting.");
            }

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

            await Task.Delay(100);
        }

        throw new TimeoutException("The tracker did not start within 90 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

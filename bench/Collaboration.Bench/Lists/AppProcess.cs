using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Collaboration.Bench.Lists;

/// <summary>
/// The real app as its own process (the Release build of <c>src/Collaboration.Api</c>, built with this bench) over a given
/// SQLite log, so its memory is its own. It accepts bearer tokens signed with a fresh random key (configuration only, as
/// <c>dotnet user-jwts</c> does) and runs in Development for the dashboard's development sign-in.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private const string Issuer = "collaboration-bench";
    private const string Audience = "collaboration-api";
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    // Built once per run: the empty and the seeded app are the same build (a second, no-op build took 43 s on a loaded machine).
    // The apps are started one after the other, never at once.
    private static Task<string>? build;
    private readonly Process process;

    private AppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The app's process id, for a diagnostic tool to attach to (<c>--hold</c>).</summary>
    public int Id => process.Id;

    /// <summary>The process's resident memory now (VmRSS), in MiB.</summary>
    public double ResidentMiB
    {
        get
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
    }

    /// <summary>
    /// Builds the app in Release and returns its assembly. The bench does not reference the web host (only the live bench
    /// may), so the build is asked for here rather than by a project reference.
    /// </summary>
    private static async Task<string> BuildAppAsync()
    {
        var project = Path.Combine(RepositoryRoot(), "src", "Collaboration.Api");
        Console.WriteLine("building the app (Release)…");
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "-v", "quiet", "-nologo"]) { UseShellExecute = false })!;
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build {project} -c Release failed ({build.ExitCode}).");
        }

        return Path.Combine(project, "bin", "Release", "net10.0", "Collaboration.Api.dll");
    }

    /// <summary>
    /// Starts the app on <paramref name="db"/>: the build of this worktree, or <paramref name="appDll"/> when given (an app
    /// built earlier and copied aside, so that two builds can be measured in turns within the same minutes).
    /// </summary>
    public static async Task<AppProcess> StartAsync(string db, string? appDll = null)
    {
        var dll = appDll ?? await (build ??= BuildAppAsync());

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Store__Sqlite__Path"] = db,
            ["Demo__SeedOnFirstRun"] = "false",
            ["RateLimiting__PermitsPerSecond"] = "1000000",
            ["RateLimiting__Burst"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Swagger__Enabled"] = "false",
            ["Authentication__Schemes__Bearer__ValidIssuer"] = Issuer,
            ["Authentication__Schemes__Bearer__ValidAudiences__0"] = Audience,
            ["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = Issuer,
            ["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = Convert.ToBase64String(Key),
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, _) => { };
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}: {errors}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        await app.DisposeAsync();
        throw new TimeoutException("The app was not ready within 10 minutes.");
    }

    /// <summary>
    /// Waits until the process has used under a tenth of a core for two seconds: ready is not idle, the work that reads the
    /// whole log on a first start (the notification reactor has no checkpoint in a seeded log) runs after it.
    /// </summary>
    public async Task<TimeSpan> WaitUntilSettledAsync(TimeSpan patience)
    {
        var watch = Stopwatch.StartNew();
        var before = CpuTicks();
        while (watch.Elapsed < patience)
        {
            await Task.Delay(2000);
            var now = CpuTicks();
            if (now - before < 20)
            {
                return watch.Elapsed;
            }

            before = now;
        }

        return watch.Elapsed;
    }

    /// <summary>An office bearer token (HS256), as the configured issuer would sign it.</summary>
    public static string OfficeToken()
    {
        static string Part(object value) => Base64Url(JsonSerializer.SerializeToUtf8Bytes(value));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var unsigned = Part(new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = "JWT" }) + "." + Part(new Dictionary<string, object>
        {
            ["sub"] = "office.bench",
            ["name"] = "office.bench",
            ["role"] = "office",
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["nbf"] = now - 60,
            ["exp"] = now + 7200,
        });
        return unsigned + "." + Base64Url(HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes(unsigned)));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    // utime + stime in clock ticks (100 a second), fields 14 and 15 of /proc/<pid>/stat, counted after the command's ")".
    private long CpuTicks()
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Collaboration.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the bench from inside the repository.");
    }
}

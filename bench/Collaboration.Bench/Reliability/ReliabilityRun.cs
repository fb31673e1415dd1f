using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Collaboration.Bench.Reliability;

/// <summary>
/// The long modes of the reliability harnesses. The harnesses live once, as tests (tests/Collaboration.Api.Tests/Reliability,
/// where the visibility leak oracle is); a long run is the same test with a larger count, started here through
/// <c>dotnet test</c> with the count and seed in environment variables, and its report (JSON) printed.
/// </summary>
internal static class ReliabilityRun
{
    /// <summary><c>fuzz [--requests N] [--seed S] [--tests-dll PATH]</c>: N fuzzed requests (default 10,000).</summary>
    public static Task<int> FuzzAsync(string[] args) =>
        RunAsync(args, "--requests", "COLLAB_FUZZ_REQUESTS", "COLLAB_FUZZ_SEED", "10000", "Collaboration.Api.Tests.Reliability.Fuzz");

    /// <summary><c>crash [--cycles N] [--seed S] [--tests-dll PATH]</c>: N kill -9 cycles (default 100).</summary>
    public static Task<int> CrashAsync(string[] args) =>
        RunAsync(args, "--cycles", "COLLAB_CRASH_CYCLES", "COLLAB_CRASH_SEED", "100", "Collaboration.Api.Tests.Reliability.Crash");

    private static async Task<int> RunAsync(string[] args, string countOption, string countVariable, string seedVariable, string count, string filter)
    {
        var seed = Environment.TickCount.ToString(CultureInfo.InvariantCulture);
        string? testsDll = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == countOption)
            {
                count = args[++i].Replace("_", "", StringComparison.Ordinal);
            }
            else if (args[i] == "--seed")
            {
                seed = args[++i];
            }
            else if (args[i] == "--tests-dll")
            {
                // A copy of a built test assembly: the long run then survives rebuilds of the source tree meanwhile.
                testsDll = Path.GetFullPath(args[++i]);
            }
            else
            {
                await Console.Error.WriteLineAsync($"Unknown option '{args[i]}'.");
                return 2;
            }
        }

        var report = Path.Combine(Path.GetTempPath(), $"collaboration-reliability-{Guid.NewGuid():N}.json");
        var target = testsDll ?? Path.Combine(RepositoryRoot(), "tests", "Collaboration.Api.Tests");
        var start = new ProcessStartInfo("dotnet", ["test", target, "--filter", $"FullyQualifiedName~{filter}", "--logger", "console;verbosity=normal"])
        {
            UseShellExecute = false,
        };
        start.Environment[countVariable] = count;
        start.Environment[seedVariable] = seed;
        start.Environment["COLLAB_RELIABILITY_REPORT"] = report;
        Console.WriteLine($"{filter}: {countVariable}={count} {seedVariable}={seed}");
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();

        if (File.Exists(report))
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
            Console.WriteLine(JsonSerializer.Serialize(json.RootElement, new JsonSerializerOptions { WriteIndented = true }));
            File.Delete(report);
        }
        else
        {
            Console.WriteLine("The run wrote no report.");
        }

        return process.ExitCode;
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

        throw new InvalidOperationException("Run the bench from inside the repository (Collaboration.sln not found above it).");
    }
}

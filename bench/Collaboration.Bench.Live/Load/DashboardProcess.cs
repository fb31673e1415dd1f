using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Collaboration.Bench.Live.Load;

/// <summary>
/// The dashboards in a child process (this bench's hidden <c>dashboards</c> verb, <see cref="DashboardChild"/>), so that
/// 200 SignalR clients receiving and parsing every change do not take the app's CPU inside its own process (a quarter of
/// it in ADR 0028's profile; on one machine they still share the cores). The child reads the hub's address and the
/// tokens on its input and writes the tracked dashboard's receipts (<c>r view key ticks</c>, <see cref="SharedClock"/>
/// ticks taken on receipt, so the pipe's delay is not in the latency) and its running totals (<c>n count bytes</c>, the
/// bytes being the received documents' JSON) on its output.
/// </summary>
internal sealed class DashboardProcess : IDashboards
{
    private readonly Process child;
    private readonly Task reading;
    private readonly TaskCompletionSource<int> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long received;
    private long bytes;

    private DashboardProcess(Process child, Action<string, string, long> tracked)
    {
        this.child = child;
        reading = Task.Run(() => ReadAsync(tracked));
    }

    public long Received => Interlocked.Read(ref received);

    public long Bytes => Interlocked.Read(ref bytes);

    public int Count { get; private set; }

    public static async Task<DashboardProcess> StartAsync(Uri address, string[] tokens, PushTracker push)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? throw new InvalidOperationException("No process path to start the dashboards with."),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(start.FileName), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Started as `dotnet Collaboration.Bench.Live.dll`: the child needs the assembly too.
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add(DashboardChild.Verb);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The dashboards' process did not start.");
        var dashboards = new DashboardProcess(process, push.Received);
        await process.StandardInput.WriteLineAsync(address.ToString());
        foreach (var token in tokens)
        {
            await process.StandardInput.WriteLineAsync(token);
        }

        await process.StandardInput.WriteLineAsync();
        await process.StandardInput.FlushAsync();
        dashboards.Count = await dashboards.ready.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return dashboards;
    }

    private async Task ReadAsync(Action<string, string, long> tracked)
    {
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            var parts = line.Split('\t');
            switch (parts[0])
            {
                case "r" when parts.Length == 4:
                    tracked(parts[1], parts[2], long.Parse(parts[3], CultureInfo.InvariantCulture));
                    break;
                case "n" when parts.Length == 3:
                    Interlocked.Exchange(ref received, long.Parse(parts[1], CultureInfo.InvariantCulture));
                    Interlocked.Exchange(ref bytes, long.Parse(parts[2], CultureInfo.InvariantCulture));
                    break;
                case DashboardChild.Ready when parts.Length == 2:
                    ready.TrySetResult(int.Parse(parts[1], CultureInfo.InvariantCulture));
                    break;
                default:
                    await Console.Error.WriteLineAsync($"dashboards: {line}");
                    break;
            }
        }

        ready.TrySetException(new InvalidOperationException("The dashboards' process ended before its dashboards connected."));
    }

    public async ValueTask DisposeAsync()
    {
        // End of input tells the child to disconnect its dashboards, report its last total and exit.
        child.StandardInput.Close();
        try
        {
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            child.Kill(entireProcessTree: true);
        }

        await reading;
        child.Dispose();
    }
}

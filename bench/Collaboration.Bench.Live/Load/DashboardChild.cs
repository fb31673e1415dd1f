using System.Globalization;
using System.Threading.Channels;

namespace Collaboration.Bench.Live.Load;

/// <summary>
/// The hidden <c>dashboards</c> verb: the child side of <see cref="DashboardProcess"/>. Reads the hub's address, then
/// one token per line up to an empty line; connects the dashboards; writes <c>ready count</c>, the tracked dashboard's
/// receipts and the totals received (changes and their documents' bytes) every quarter second; disconnects when its input ends.
/// </summary>
internal static class DashboardChild
{
    public const string Verb = "dashboards";

    public const string Ready = "ready";

    public static async Task<int> RunAsync()
    {
        var input = Console.In;
        var address = new Uri(await input.ReadLineAsync() ?? throw new InvalidOperationException("No address on input."));
        var tokens = new List<string>();
        while (await input.ReadLineAsync() is { Length: > 0 } token)
        {
            tokens.Add(token);
        }

        // A receipt is queued, never written by the dashboard's handler: a slow pipe must not delay the next receipt.
        var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        void Write(string line) => lines.Writer.TryWrite(line);
        var writing = WriteAsync(lines.Reader, Console.Out);

        var dashboards = await Dashboards.ConnectAsync(address, [.. tokens],
            (view, key, arrived) => Write(string.Create(CultureInfo.InvariantCulture, $"r\t{view}\t{key}\t{arrived}")));
        Write(string.Create(CultureInfo.InvariantCulture, $"{Ready}\t{dashboards.Count}"));
        using var stop = new CancellationTokenSource();
        var reporting = ReportAsync(() => Write(string.Create(CultureInfo.InvariantCulture, $"n\t{dashboards.Received}\t{dashboards.Bytes}")), stop.Token);

        // Input ends when the driver is done with the day.
        while (await input.ReadLineAsync() is not null)
        {
        }

        await stop.CancelAsync();
        await reporting;
        await dashboards.DisposeAsync();
        Write(string.Create(CultureInfo.InvariantCulture, $"n\t{dashboards.Received}\t{dashboards.Bytes}"));
        lines.Writer.Complete();
        await writing;
        return 0;
    }

    private static async Task WriteAsync(ChannelReader<string> lines, TextWriter output)
    {
        while (await lines.WaitToReadAsync())
        {
            while (lines.TryRead(out var line))
            {
                await output.WriteLineAsync(line);
            }

            await output.FlushAsync();
        }
    }

    private static async Task ReportAsync(Action report, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                report();
            }
        }
        catch (OperationCanceledException)
        {
            // The day ended; the caller writes the final total after disconnecting.
        }
    }
}

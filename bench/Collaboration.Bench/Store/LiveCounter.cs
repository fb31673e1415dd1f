using System.Diagnostics;
using System.Globalization;

namespace Collaboration.Bench.Store;

/// <summary>Counts work done and prints progress on one console line twice a second.</summary>
internal sealed class LiveCounter : IDisposable
{
    private readonly string label;
    private readonly long total;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Timer timer;
    private long done;

    public LiveCounter(string label, long total)
    {
        this.label = label;
        this.total = total;
        timer = new Timer(_ => Print(), null, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500));
    }

    public TimeSpan Elapsed => clock.Elapsed;

    public void Add(long count) => Interlocked.Add(ref done, count);

    private void Print()
    {
        var now = Interlocked.Read(ref done);
        var rate = now / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        Console.Write(string.Create(CultureInfo.InvariantCulture, $"\r  {label}: {now:N0} / {total:N0} ({rate:N0}/s)        "));
    }

    public void Dispose()
    {
        timer.Dispose();
        Print();
        Console.WriteLine();
    }
}

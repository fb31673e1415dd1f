namespace Collaboration.Api.Hosting;

/// <summary>
/// Gives malloc's free pages back every <see cref="Interval"/> (<see cref="NativeHeap.Trim"/>): glibc only returns the top of
/// an arena by itself, so the pages SQLite freed in the middle after a burst of reads stayed resident until the next burst
/// reused them. A trim walks two arenas' free lists (ADR 0030's amendment of 2026-12-05).
/// </summary>
public sealed partial class NativeHeapTrimmer(TimeProvider time, ILogger<NativeHeapTrimmer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!NativeHeap.Trim())
        {
            LogUnavailable();
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                NativeHeap.Trim();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "malloc_trim is not available here; the native heap is left to its allocator.")]
    private partial void LogUnavailable();
}

namespace Collaboration.Api.Cluster;

/// <summary>
/// Background work that runs on the leading node only (<see cref="ILeaderGate"/>): started each time this node starts
/// leading, cancelled when it stops. Work that fails while this node still leads is started again after
/// <see cref="RetryAfterFailure"/>, so a database that is briefly unreachable does not stop the host.
/// </summary>
public abstract partial class LeaderBackgroundService(ILeaderGate gate, ILogger logger) : BackgroundService
{
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    /// <summary>The work; it must stop when <paramref name="leading"/> is cancelled (this node no longer leads, or stops).</summary>
    protected abstract Task RunWhileLeadingAsync(CancellationToken leading);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var term = await gate.AcquireAsync(stoppingToken);
                using var leading = CancellationTokenSource.CreateLinkedTokenSource(term, stoppingToken);
                try
                {
                    await RunWhileLeadingAsync(leading.Token);
                    // Work that ends by itself is done for this term: wait for the next one rather than start it again.
                    await Task.Delay(Timeout.Infinite, leading.Token);
                }
                catch (OperationCanceledException) when (leading.IsCancellationRequested)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The host outlives a failed run: it is retried while this node leads.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex, GetType().Name);
                try
                {
                    await Task.Delay(RetryAfterFailure, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Service} failed while this node leads; starting it again")]
    private static partial void LogFailed(ILogger logger, Exception ex, string service);
}

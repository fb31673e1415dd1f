using Collaboration.Api.Live;
using Collaboration.Projections.Running;

namespace Collaboration.Api.Cluster;

/// <summary>
/// On a node that does not lead, the projections run elsewhere, so nothing here publishes their changes: this relay reads
/// the committed changes from the shared view store every <see cref="PollInterval"/> and hands them to this node's
/// in-process subscribers (the dashboard's circuits). Hub clients are not pushed to from here: they hear the leader's
/// pushes through the SignalR backplane. Only changes at or below every projection's committed checkpoint are relayed,
/// so a projection still behind cannot have a change slip under the relay's position.
/// </summary>
public sealed partial class FollowerChangeRelay(
    ILeaderGate gate,
    ProjectionRunner runner,
    ViewChangeFeed feed,
    TimeProvider time,
    ILogger<FollowerChangeRelay> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private const int PageRows = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? since = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                if (gate.IsLeader)
                {
                    // The runner publishes while this node leads; after a step-down the relay resumes from what it published.
                    since = null;
                }
                else
                {
                    var committed = await runner.CommittedCheckpointAsync(stoppingToken);
                    var from = since ?? (feed.LastPublishedPosition > 0 ? feed.LastPublishedPosition : committed);
                    var page = await runner.Views.ChangedSinceAsync(from, null, PageRows, stoppingToken);
                    var ready = page.Changes.Where(c => c.Position <= committed).ToList();
                    if (ready.Count > 0)
                    {
                        await feed.PublishLocallyAsync(ready);
                    }

                    since = Math.Min(page.Next, Math.Max(from, committed));
                    more = page.HasMore && since > from;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Best effort, like every push: the dashboard reads the stored documents when it loads.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(ex);
            }

            if (!more)
            {
                try
                {
                    await Task.Delay(PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying committed view changes to this node's dashboards failed; trying again")]
    private partial void LogFailed(Exception ex);
}

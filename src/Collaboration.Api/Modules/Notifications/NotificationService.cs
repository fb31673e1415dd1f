using Collaboration.Api.Cluster;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// Runs the notification reactor while this node leads (<see cref="ILeaderGate"/>; always, on one SQLite node), so one
/// node at a time produces notifications. Each term starts from the committed checkpoint, which the previous leader
/// may have advanced.
/// </summary>
public sealed class NotificationService(NotificationReactor reactor, ILeaderGate gate, ILogger<NotificationService> logger)
    : LeaderBackgroundService(gate, logger)
{
    protected override Task RunWhileLeadingAsync(CancellationToken leading)
    {
        reactor.ReloadCheckpoint();
        return reactor.RunAsync(leading);
    }
}

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// Runs the notification reactor for the life of the app. Registered like the projections' service, so that a gate
/// deciding which node runs singleton background work covers it the same way.
/// </summary>
public sealed class NotificationService(NotificationReactor reactor) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => reactor.RunAsync(stoppingToken);
}

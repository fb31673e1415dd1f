using System.Security.Cryptography;
using System.Text;
using Collaboration.Domain.Notifications;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// Deterministic ids: the same occurrence always makes the same notification id, and the same notification to the
/// same recipient on the same channel the same delivery (idempotency) id, however often it is produced or sent.
/// </summary>
public static class NotificationIds
{
    public static Guid Of(NotificationTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return Hash($"notification|{trigger.Stream}|{trigger.Key}|{trigger.Kind}");
    }

    public static Guid Delivery(Guid notification, string recipient, NotificationChannel channel) =>
        Hash($"delivery|{notification}|{recipient}|{channel}");

    private static Guid Hash(string text) => new(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}

using System.Text.Json.Serialization;

namespace Collaboration.Domain.Notifications;

/// <summary>Source-generated serialisation for the subscriber and webhook events (the app builds its event registry from it).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ItemFollowed))]
[JsonSerializable(typeof(ItemUnfollowed))]
[JsonSerializable(typeof(NotificationPreferencesChanged))]
[JsonSerializable(typeof(NotificationsMarkedRead))]
[JsonSerializable(typeof(WebhookEndpointRegistered))]
[JsonSerializable(typeof(WebhookSecretRotated))]
[JsonSerializable(typeof(WebhookEndpointDisabled))]
public sealed partial class NotificationsJsonContext : JsonSerializerContext;

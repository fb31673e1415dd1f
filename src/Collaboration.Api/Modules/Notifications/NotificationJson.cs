using System.Text.Json;
using System.Text.Json.Serialization;
using Collaboration.EventStore;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>How the reactor's documents are stored and webhook bodies written: the web defaults, enums by name, text as UTF-8.</summary>
public static class NotificationJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JsonText.Encoder,
    };
}

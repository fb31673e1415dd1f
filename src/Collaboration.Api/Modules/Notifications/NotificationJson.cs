using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>How the reactor's documents are stored: the web defaults, enums by name.</summary>
public static class NotificationJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Collaboration.EventStore;

namespace Collaboration.Projections.Running;

/// <summary>
/// How documents are stored: the same camelCase, enums-as-strings shape the API returns, so a stored document can
/// be pushed to clients as is, text in every script as UTF-8 (<see cref="JsonText.Encoder"/>).
/// </summary>
public static class ViewJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, Options);

    public static string Serialize(object document, Type type) => JsonSerializer.Serialize(document, type, Options);

    public static byte[] SerializeToUtf8(object document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.SerializeToUtf8Bytes(document, document.GetType(), Options);
    }

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    public static object? Deserialize(string json, Type type) => JsonSerializer.Deserialize(json, type, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.Encoder = JsonText.Encoder;
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

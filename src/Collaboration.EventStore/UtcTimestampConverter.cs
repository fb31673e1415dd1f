using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.EventStore;

/// <summary>
/// Every moment in an event is spelled in UTC, so one instant has one spelling in the hashed log. Writing
/// normalises whatever offset a caller used; reading is the upcaster for logs written before that rule: an old
/// "+08:00" value comes back as the same instant with offset zero. Reading converts after the bytes are read, so
/// stored events and their chain hashes are untouched. A typed converter rather than a JSON rewrite, because only
/// fields declared as <see cref="DateTimeOffset"/> are moments; free text that looks like a date is left alone.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public static UtcTimestampConverter Instance { get; } = new();

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime());
}

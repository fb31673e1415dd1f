using System.Text.Json.Serialization;

namespace Collaboration.Domain.Calendar;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CalendarYear))]
internal sealed partial class CalendarJsonContext : JsonSerializerContext;

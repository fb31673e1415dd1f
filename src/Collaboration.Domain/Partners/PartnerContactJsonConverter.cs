using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

/// <summary>
/// Writes <c>{"person": &lt;personal details&gt;, "title": …}</c>, the personal details going through whatever the options
/// do with <see cref="PersonalDetails"/> (the log seals them). Also reads contacts written before they were personal
/// data — <c>{"name", "title", "email", "phone"}</c> in the clear — so old logs stay readable.
/// </summary>
public sealed class PartnerContactJsonConverter : JsonConverter<PartnerContact>
{
    public override PartnerContact Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A partner contact must be an object.");
        }

        PersonalDetails? person = null;
        string? title = null, name = null, email = null, phone = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "person":
                    person = JsonSerializer.Deserialize(ref reader, DetailsInfo(options));
                    break;
                case "title":
                    title = reader.GetString();
                    break;
                case "name":
                    name = reader.GetString();
                    break;
                case "email":
                    email = reader.GetString();
                    break;
                case "phone":
                    phone = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new PartnerContact(person ?? new PersonalDetails(LegacyPerson(name, email, phone), name ?? string.Empty, email, phone), title);
    }

    public override void Write(Utf8JsonWriter writer, PartnerContact value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WritePropertyName("person");
        JsonSerializer.Serialize(writer, value.Person, DetailsInfo(options));
        if (value.Title is not null)
        {
            writer.WriteString("title", value.Title);
        }
        else
        {
            writer.WriteNull("title");
        }

        writer.WriteEndObject();
    }

    private static JsonTypeInfo<PersonalDetails> DetailsInfo(JsonSerializerOptions options) =>
        (JsonTypeInfo<PersonalDetails>)options.GetTypeInfo(typeof(PersonalDetails));

    /// <summary>
    /// A contact recorded in the clear has no person id. One derived from its fields gives it the same id on every read,
    /// so reads and the erasure record can name it; its plain bytes are in the log for good and cannot be shredded.
    /// </summary>
    private static PersonId LegacyPerson(string? name, string? email, string? phone) =>
        new(new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"partner-contact\n{name}\n{email}\n{phone}")).AsSpan(0, 16)));
}

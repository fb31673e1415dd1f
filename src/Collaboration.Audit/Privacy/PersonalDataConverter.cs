using System.Text.Json;
using System.Text.Json.Serialization;
using Collaboration.Domain.Kernel;

namespace Collaboration.Audit.Privacy;

/// <summary>
/// Seals <see cref="PersonalDetails"/> inside events: <c>{"person":"&lt;id&gt;","sealed":"&lt;base64&gt;"}</c> where the sealed
/// bytes are nonce(12) ‖ tag(16) ‖ AES-256-GCM(name, email, phone) under the person's own key, with the person id as
/// associated data (a sealed value cannot be moved to another person). Reading without the key gives
/// <see cref="PersonalDetails.Erased"/>. Events written before sealing (plain fields) still read.
/// </summary>
public sealed class PersonalDataConverter(IPersonalKeyStore keys) : JsonConverter<PersonalDetails>
{
    public override PersonalDetails Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var envelope = SealedEnvelope.Read(ref reader, "Personal details");
        if (envelope.Sealed is null)
        {
            return new PersonalDetails(envelope.Person, envelope.PlainField("fullName") ?? PersonalDetails.ErasedMarker, envelope.PlainField("email"), envelope.PlainField("phone"));
        }

        return keys.Find(envelope.Person) is { } key ? Open(envelope.Person, key, Convert.FromBase64String(envelope.Sealed)) : PersonalDetails.Erased(envelope.Person);
    }

    public override void Write(Utf8JsonWriter writer, PersonalDetails value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("person", value.Person.Value);
        if (value.IsErased)
        {
            writer.WriteString("fullName", PersonalDetails.ErasedMarker);
        }
        else
        {
            writer.WriteString("sealed", Convert.ToBase64String(Seal(value, keys.GetOrCreate(value.Person))));
        }

        writer.WriteEndObject();
    }

    internal static byte[] Seal(PersonalDetails value, byte[] key) =>
        PersonalSeal.Seal(value.Person.Value, key, JsonSerializer.SerializeToUtf8Bytes(
            new SealedFields(value.FullName, value.Email, value.Phone), PrivacyFieldsJsonContext.Default.SealedFields));

    internal static PersonalDetails Open(PersonId person, byte[] key, byte[] sealedBytes)
    {
        var fields = JsonSerializer.Deserialize(PersonalSeal.Open(person.Value, key, sealedBytes), PrivacyFieldsJsonContext.Default.SealedFields)
            ?? throw new JsonException("Sealed personal details are empty.");
        return new PersonalDetails(person, fields.N, fields.E, fields.P);
    }

    /// <summary>Both converters the event registry needs so that every kind of personal data in the log is sealed.</summary>
    public static JsonConverter[] All(IPersonalKeyStore keys) => [new PersonalDataConverter(keys), new PersonalNoteConverter(keys)];
}

/// <summary>The plaintext inside a seal; short names because it is stored once per event.</summary>
internal sealed record SealedFields(string N, string? E, string? P);

[JsonSerializable(typeof(SealedFields))]
internal sealed partial class PrivacyFieldsJsonContext : JsonSerializerContext;

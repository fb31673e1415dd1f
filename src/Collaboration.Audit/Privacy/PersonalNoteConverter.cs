using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Collaboration.Domain.Kernel;

namespace Collaboration.Audit.Privacy;

/// <summary>
/// Seals a <see cref="PersonalNote"/> in events as <c>{"person":"&lt;id&gt;","sealed":"&lt;base64&gt;"}</c> under the same
/// per-person key as <see cref="PersonalDataConverter"/>; without the key the note reads as erased.
/// </summary>
public sealed class PersonalNoteConverter(IPersonalKeyStore keys) : JsonConverter<PersonalNote>
{
    public override PersonalNote Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var envelope = SealedEnvelope.Read(ref reader, "A personal note");
        if (envelope.Sealed is null)
        {
            return new PersonalNote(envelope.Person, envelope.PlainField("text") ?? PersonalDetails.ErasedMarker);
        }

        return keys.Find(envelope.Person) is { } key
            ? new PersonalNote(envelope.Person, Encoding.UTF8.GetString(PersonalSeal.Open(envelope.Person.Value, key, Convert.FromBase64String(envelope.Sealed))))
            : PersonalNote.Erased(envelope.Person);
    }

    public override void Write(Utf8JsonWriter writer, PersonalNote value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("person", value.Person.Value);
        if (value.IsErased)
        {
            writer.WriteString("text", PersonalDetails.ErasedMarker);
        }
        else
        {
            writer.WriteString("sealed", Convert.ToBase64String(PersonalSeal.Seal(value.Person.Value, keys.GetOrCreate(value.Person), Encoding.UTF8.GetBytes(value.Text))));
        }

        writer.WriteEndObject();
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Audit.Privacy;

/// <summary>
/// Seals a <see cref="PersonalNote"/> in events as <c>{"person":"&lt;id&gt;","sealed":"&lt;base64&gt;"}</c> under the same
/// per-person key as <see cref="PersonalDataConverter"/>; without the key the note reads as erased.
/// </summary>
public sealed class PersonalNoteConverter(PersonalKeyStore keys) : JsonConverter<PersonalNote>
{
    public override PersonalNote Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A personal note must be an object.");
        }

        PersonId? person = null;
        string? sealedValue = null, text = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "person":
                    person = PersonId.Parse(reader.GetString()!);
                    break;
                case "sealed":
                    sealedValue = reader.GetString();
                    break;
                case "text":
                    text = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (person is not { } id)
        {
            throw new JsonException("A personal note without a person id.");
        }

        if (sealedValue is null)
        {
            return new PersonalNote(id, text ?? PersonalDetails.ErasedMarker);
        }

        return keys.Find(id) is { } key
            ? new PersonalNote(id, Encoding.UTF8.GetString(PersonalSeal.Open(id.Value, key, Convert.FromBase64String(sealedValue))))
            : PersonalNote.Erased(id);
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

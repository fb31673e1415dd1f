using System.Text.Json;
using Collaboration.Domain.Kernel;

namespace Collaboration.Audit.Privacy;

/// <summary>
/// The stored shape of every piece of personal data in the log: <c>{"person": id, "sealed": base64}</c>, or — for
/// values written before sealing, and for values recorded as already erased — the plain fields beside the person id.
/// </summary>
internal sealed record SealedEnvelope(PersonId Person, string? Sealed, IReadOnlyDictionary<string, string?> Plain)
{
    public static SealedEnvelope Read(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"{what} must be an object.");
        }

        PersonId? person = null;
        string? sealedValue = null;
        var plain = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "person":
                    person = PersonId.Parse(reader.GetString()!);
                    break;
                case "sealed":
                    sealedValue = reader.GetString();
                    break;
                default:
                    if (reader.TokenType is JsonTokenType.String or JsonTokenType.Null)
                    {
                        plain[name] = reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }

                    break;
            }
        }

        return person is { } id ? new SealedEnvelope(id, sealedValue, plain) : throw new JsonException($"{what} without a person id.");
    }

    public string? PlainField(string name) => Plain.GetValueOrDefault(name);
}

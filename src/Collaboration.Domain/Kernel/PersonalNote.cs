using System.Text.Json.Serialization;

namespace Collaboration.Domain.Kernel;

/// <summary>
/// Free text about one natural person (an officer's note on a talent's case). Officers write names, phone numbers
/// and circumstances into notes, so the text is personal data: the log seals it under the person's key like
/// <see cref="PersonalDetails"/>, and erasing the person makes it read as <see cref="PersonalDetails.ErasedMarker"/>.
/// </summary>
public sealed record PersonalNote(PersonId Person, string Text)
{
    [JsonIgnore]
    public bool IsErased => Text == PersonalDetails.ErasedMarker;

    public static PersonalNote Erased(PersonId person) => new(person, PersonalDetails.ErasedMarker);
}

using System.Text.Json.Serialization;

namespace Collaboration.Domain.Kernel;

/// <summary>
/// The personal data of one natural person (a talent, an observer). Events hold it as one value so
/// the log can encrypt it under the person's own key and erase it by deleting that key
/// (crypto-shredding): after erasure it reads as <see cref="Erased"/>, and every other field of the
/// event is untouched.
/// </summary>
public sealed record PersonalDetails(PersonId Person, string FullName, string? Email, string? Phone)
{
    public const string ErasedMarker = "[erased]";

    [JsonIgnore]
    public bool IsErased => FullName == ErasedMarker;

    public static PersonalDetails Erased(PersonId person) => new(person, ErasedMarker, null, null);
}

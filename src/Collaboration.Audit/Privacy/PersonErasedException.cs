using Collaboration.Domain.Kernel;

namespace Collaboration.Audit.Privacy;

/// <summary>Personal data was to be sealed for a person whose key was deleted by an erasure.</summary>
public sealed class PersonErasedException(PersonId person)
    : InvalidOperationException($"Person {person} was erased; their personal data cannot be recorded again.")
{
    public PersonId Person { get; } = person;
}

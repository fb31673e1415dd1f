namespace Collaboration.Domain.Kernel;

/// <summary>
/// The stable, versioned wire name of an event (e.g. <c>commitment.progress-reported.v1</c>). It is
/// what the log stores, so the CLR type can be renamed without breaking history.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

namespace Collaboration.Domain.Kernel;

/// <summary>The two languages the district publishes in.</summary>
public enum Language
{
    Zh = 1,
    En = 2,
}

namespace Collaboration.Cli.Migration;

/// <summary>The steps of <c>collab migrate</c>, in order.</summary>
internal enum MigrationPhase
{
    Keys,
    Copy,
    Verify,
    ReadModels,
    Compare,
}

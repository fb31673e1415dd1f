namespace Collaboration.Projections.Storage;

/// <summary>The generation of a projection queries read, the code version that built it and how far it has committed.</summary>
public sealed record ProjectionGeneration(string Projection, long Generation, int CodeVersion, long Checkpoint);

namespace Collaboration.Projections.Storage;

/// <summary>
/// The generation of a projection queries read, the code version that built it, how far it has committed
/// (<paramref name="Checkpoint"/>) and the checkpoint of the last commit that changed its documents or feed
/// (<paramref name="Changed"/>, 0 before any). A batch moves every projection's checkpoint, changed or not; a figure derived
/// from a view's documents stays exact while its (generation, changed) stands, through commits that touch other views.
/// </summary>
public sealed record ProjectionGeneration(string Projection, long Generation, int CodeVersion, long Checkpoint, long Changed);

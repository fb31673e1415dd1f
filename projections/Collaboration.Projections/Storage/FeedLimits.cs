namespace Collaboration.Projections.Storage;

/// <summary>How far feed queries look, the same for every view store.</summary>
public static class FeedLimits
{
    /// <summary>How many of the feeds' newest entries a client catching up is sent.</summary>
    public const int CatchUpLimit = 200;

    /// <summary>How far back one <see cref="Running.IViewReader.LatestAsync"/> looks for entries the caller may see; older ones are not listed.</summary>
    public const int MaxRowsScanned = 10_000;
}

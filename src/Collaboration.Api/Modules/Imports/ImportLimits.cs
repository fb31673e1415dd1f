namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// How much one import may hold. A district's partners and their commitments are tens to a few hundred rows; the
/// ceilings leave room for a whole year's list while keeping a preview (held in memory until confirmed) small.
/// </summary>
public static class ImportLimits
{
    /// <summary>The uploaded file itself.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The request around it: the file plus the multipart envelope.</summary>
    public const long MaxRequestBytes = MaxFileBytes + (64 * 1024);

    /// <summary>Data rows after the header.</summary>
    public const int MaxRows = 5_000;

    /// <summary>A cell longer than this is an error in its row, never a crash.</summary>
    public const int MaxCellLength = 4_000;

    /// <summary>Rows between two progress lines in the log.</summary>
    public const int ProgressEvery = 500;

    /// <summary>How long a preview waits for its confirmation.</summary>
    public static readonly TimeSpan PreviewLifetime = TimeSpan.FromMinutes(30);
}

namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// The dry run of an uploaded file: what confirming <see cref="Preview"/> would do with each row, and the SHA-256 of
/// the exact bytes uploaded. Nothing has been written.
/// </summary>
public sealed record ImportPreview(
    Guid Preview,
    ImportKind Kind,
    string FileName,
    string Sha256,
    ImportCounts Counts,
    IReadOnlyList<ImportRowResult> Rows,
    DateTimeOffset ExpiresAt);

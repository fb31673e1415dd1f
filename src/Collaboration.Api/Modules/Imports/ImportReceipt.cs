namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// What a confirmed import did. <see cref="Stream"/> is the <c>import-{id}</c> stream that records it, or null when
/// every row was unchanged: an import that changes nothing appends nothing, not even its own record.
/// </summary>
public sealed record ImportReceipt(
    Guid Import,
    string? Stream,
    ImportKind Kind,
    string FileName,
    string Sha256,
    ImportCounts Counts,
    IReadOnlyList<ImportRowResult> Rows);

using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Imports;

/// <summary>
/// A spreadsheet import was confirmed and applied: one audited operation. Who confirmed it is <c>By</c> (and the
/// event's metadata); every row's own event carries <c>Import</c> as its correlation id, so the trail leads from the
/// file to each change it made. <c>FileSha256</c> identifies the exact bytes that were uploaded.
/// </summary>
[EventType("import.applied.v1")]
public sealed record SpreadsheetImported(
    Guid Import,
    string Kind,
    string FileName,
    string FileSha256,
    int Rows,
    int Created,
    int Updated,
    int Unchanged,
    int Failed,
    string By,
    DateTimeOffset At)
{
    public static string StreamName(Guid import) => StreamCatalogue.Imports.StreamOf(import);
}

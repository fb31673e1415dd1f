namespace Collaboration.Api.Modules.Imports;

/// <summary>One data row of the file: its line as the spreadsheet numbers it, its key, the action, the columns an
/// update changes, and the reasons it is in error.</summary>
public sealed record ImportRowResult(int Line, string? Reference, ImportAction Action, IReadOnlyList<string> Changes, IReadOnlyList<ImportReason> Errors)
{
    /// <summary>Same outcome as <paramref name="other"/>: what a confirmation compares against its preview.</summary>
    public bool SameAs(ImportRowResult other) =>
        Line == other.Line && Reference == other.Reference && Action == other.Action
        && Changes.SequenceEqual(other.Changes) && Errors.Select(e => e.Code).SequenceEqual(other.Errors.Select(e => e.Code));
}

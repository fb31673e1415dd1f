namespace Collaboration.Api.Modules.Imports;

/// <summary>How many rows fall under each action (in a receipt, <c>Errors</c> counts rows that failed to apply).</summary>
public sealed record ImportCounts(int Rows, int Create, int Update, int Unchanged, int Errors)
{
    public static ImportCounts Of(IReadOnlyCollection<ImportRowResult> rows) => new(
        rows.Count,
        rows.Count(r => r.Action == ImportAction.Create),
        rows.Count(r => r.Action == ImportAction.Update),
        rows.Count(r => r.Action == ImportAction.Unchanged),
        rows.Count(r => r.Action == ImportAction.Error));
}

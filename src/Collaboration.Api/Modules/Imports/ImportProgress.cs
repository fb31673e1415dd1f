namespace Collaboration.Api.Modules.Imports;

/// <summary>How far a confirmation has got: rows applied (or found unchanged) out of the file's rows.</summary>
public readonly record struct ImportProgress(int Done, int Rows)
{
    public int Percent => Rows == 0 ? 100 : (int)(100L * Done / Rows);
}

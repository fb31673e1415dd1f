namespace Collaboration.Api.Modules.Imports;

/// <summary>What a spreadsheet import holds: one row per partner, or one row per commitment.</summary>
public enum ImportKind
{
    Partners = 1,
    Commitments = 2,
}

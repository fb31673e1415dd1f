namespace Collaboration.Api.Modules.Imports;

/// <summary>What confirming would do with a row (or, in a receipt, what it did).</summary>
public enum ImportAction
{
    Create = 1,
    Update = 2,
    Unchanged = 3,
    Error = 4,
}

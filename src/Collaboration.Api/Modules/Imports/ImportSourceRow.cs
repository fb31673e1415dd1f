namespace Collaboration.Api.Modules.Imports;

/// <summary>A data row as read from the file: its line and its cells by column key (absent columns are empty).</summary>
public sealed record ImportSourceRow(int Line, IReadOnlyDictionary<string, string> Values)
{
    public string this[string key] => Values.TryGetValue(key, out var value) ? value : string.Empty;
}

namespace Collaboration.Audit.Export;

/// <summary>
/// One CSV cell as every export writes it: RFC 4180 quoting, and text that a spreadsheet would run as a formula defused
/// the OWASP way (a leading single quote). Every export goes through here so no writer can forget either half.
/// </summary>
public static class CsvCell
{
    /// <summary>Text from the log or a read model: defused, then quoted when it holds a separator, a quote or a line break.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var defused = StartsLikeAFormula(value) ? "'" + value : value;
        return defused.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{defused.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : defused;
    }

    /// <summary>
    /// A number the writer formats itself (invariant culture), left as it is: "-3" read back as a number is the value, not a
    /// formula, and a quote would turn it into text no spreadsheet sums. Only numbers typed as numbers come here, never text
    /// that looks like one.
    /// </summary>
    public static string Number<T>(T value)
        where T : System.Numerics.INumber<T> => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture);

    // '=', '+', '-', '@' start a formula; a leading tab or carriage return is dropped by some importers, exposing what follows.
    private static bool StartsLikeAFormula(string value) => value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}

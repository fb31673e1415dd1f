namespace Collaboration.Api.Spreadsheets;

/// <summary>
/// One cell of a sheet, typed so the workbook stores numbers and dates as numbers and dates (office workers sort,
/// sum and filter them) rather than as text that only looks like them.
/// </summary>
public readonly record struct SheetCell
{
    private SheetCell(string? text, decimal? number, DateOnly? date)
    {
        Text = text;
        Number = number;
        Date = date;
    }

    public static SheetCell Empty => default;

    public string? Text { get; }

    public decimal? Number { get; }

    public DateOnly? Date { get; }

    public bool IsEmpty => Text is null && Number is null && Date is null;

    public static SheetCell Of(string? text) => new(string.IsNullOrEmpty(text) ? null : text, null, null);

    public static SheetCell Of(decimal number) => new(null, number, null);

    public static SheetCell Of(int number) => new(null, number, null);

    public static SheetCell Of(decimal? number) => number is { } n ? Of(n) : Empty;

    public static SheetCell Of(int? number) => number is { } n ? Of(n) : Empty;

    public static SheetCell Of(DateOnly date) => new(null, null, date);

    public static SheetCell Of(DateOnly? date) => date is { } d ? Of(d) : Empty;

    /// <summary>The cell as a person reads it, for width estimates and tests.</summary>
    public override string ToString() =>
        Text ?? Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}

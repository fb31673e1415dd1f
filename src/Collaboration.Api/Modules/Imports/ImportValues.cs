using System.Globalization;
using Collaboration.Api.Dashboard;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// Reads one row's cells into typed values, collecting a bilingual reason for each cell that does not read. Enum
/// values are accepted by their name or by the dashboard's Chinese or English label (one list of labels).
/// </summary>
public sealed class ImportValues(ImportSourceRow row)
{
    private readonly List<ImportReason> _errors = [];

    public IReadOnlyList<ImportReason> Errors => _errors;

    public ImportValues Fail(string code, string? column, string zh, string en)
    {
        _errors.Add(new ImportReason(code, column, zh, en));
        return this;
    }

    public ImportValues Fail(string? column, DomainError error) => Fail(error.Code, column, error.Message.Zh ?? error.Code, error.Message.En ?? error.Code);

    /// <summary>The trimmed cell, or null when empty; too long is an error.</summary>
    public string? Text(string column, int maxLength)
    {
        var value = row[column].Trim();
        if (value.Length > maxLength)
        {
            Fail("import.value-too-long", column, $"超过 {maxLength} 字。", $"Longer than {maxLength} characters.");
            return null;
        }

        return value.Length == 0 ? null : value;
    }

    public string? Required(string column, int maxLength)
    {
        if (Text(column, maxLength) is { } value)
        {
            return value;
        }

        if (!_errors.Exists(e => e.Column == column))
        {
            Fail("import.value-required", column, "此项必填。", "This cell is required.");
        }

        return null;
    }

    public TEnum? Enum<TEnum>(string column)
        where TEnum : struct, Enum
    {
        if (Required(column, 100) is not { } text)
        {
            return null;
        }

        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            var name = value.ToString();
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase)
                || Label(DashboardLabels.Zh, name, text) || Label(DashboardLabels.En, name, text))
            {
                return value;
            }
        }

        Fail("import.value-unknown", column, $"无法识别的取值“{text}”，请按模板说明填写。", $"'{text}' is not one of the allowed values; see the template's notes.");
        return null;
    }

    public Guid? Id(string column)
    {
        if (Required(column, 100) is not { } text)
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        Fail("import.id-invalid", column, $"“{text}”不是有效的编号（GUID）。", $"'{text}' is not a valid id (GUID).");
        return null;
    }

    /// <summary>yyyy-MM-dd (or yyyy/M/d), or the serial day number a workbook stores for a date cell.</summary>
    public DateOnly? Date(string column)
    {
        if (Required(column, 40) is not { } text)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyy.M.d"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        Fail("import.date-invalid", column, $"“{text}”不是日期，请写作 yyyy-MM-dd。", $"'{text}' is not a date; write yyyy-MM-dd.");
        return null;
    }

    public decimal? Number(string column, decimal min, decimal max)
    {
        if (Required(column, 40) is not { } text)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
        {
            Fail("import.number-invalid", column, $"“{text}”不是数字。", $"'{text}' is not a number.");
            return null;
        }

        if (number <= min || number > max)
        {
            Fail("import.number-out-of-range", column, $"须大于 {min} 且不超过 {max}。", $"Must be above {min} and at most {max}.");
            return null;
        }

        return number;
    }

    private static bool Label(DashboardLabels labels, string name, string text) =>
        labels.Values.TryGetValue(name, out var label) && string.Equals(label, text, StringComparison.OrdinalIgnoreCase);
}

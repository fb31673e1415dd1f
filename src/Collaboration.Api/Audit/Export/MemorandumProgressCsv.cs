using System.Globalization;
using System.Text;

namespace Collaboration.Api.Audit.Export;

/// <summary>
/// The memorandum progress view as CSV, one row per commitment (RFC 4180 quoting), so a past state can be handed to a
/// spreadsheet. Read models from the projections get their CSV export with the projections runner.
/// </summary>
public static class MemorandumProgressCsv
{
    public static string Write(MemorandumProgressView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var csv = new StringBuilder();
        csv.Append("memorandum,memorandum_stage,memorandum_title_en,commitment,owner,focus_area,stage,weight,approved_progress,as_of_position\r\n");
        foreach (var line in view.Commitments)
        {
            csv.AppendJoin(',',
                view.Memorandum.Value.ToString(),
                view.Stage,
                Quote(view.Title?.En),
                line.Commitment.Value.ToString(),
                line.Owner.Value.ToString(),
                line.FocusArea.ToString(),
                line.Stage.ToString(),
                line.Weight.ToString(CultureInfo.InvariantCulture),
                line.ApprovedProgress.ToString(CultureInfo.InvariantCulture),
                view.AsOfPosition.ToString(CultureInfo.InvariantCulture));
            csv.Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Quote(string? value) =>
        value is null ? "" : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

using System.Text;

namespace Collaboration.Audit.Export;

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
                CsvCell.Text(view.Memorandum.Value.ToString()),
                CsvCell.Text(view.Stage),
                CsvCell.Text(view.Title?.En),
                CsvCell.Text(line.Commitment.Value.ToString()),
                CsvCell.Text(line.Owner.Value.ToString()),
                CsvCell.Text(line.FocusArea.ToString()),
                CsvCell.Text(line.Stage.ToString()),
                CsvCell.Number(line.Weight),
                CsvCell.Number(line.ApprovedProgress),
                CsvCell.Number(view.AsOfPosition));
            csv.Append("\r\n");
        }

        return csv.ToString();
    }
}

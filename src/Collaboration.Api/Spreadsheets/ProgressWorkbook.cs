using Collaboration.Api.Dashboard;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.MemorandumProgress;

namespace Collaboration.Api.Spreadsheets;

/// <summary>
/// The memorandum progress report as office workers hand it upward: a summary, completion by party and by focus
/// area, every overdue commitment and every commitment (due first). Built from the same report and paged list of
/// commitments the API returns to the same caller, so the workbook shows exactly what that caller may read — approved figures only.
/// </summary>
public static class ProgressWorkbook
{
    public static IReadOnlyList<Sheet> Of(MemorandumProgressReport report, IReadOnlyList<CommitmentLine> overdueLines, IReadOnlyList<CommitmentLine> lines, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(overdueLines);
        ArgumentNullException.ThrowIfNull(lines);
        var words = SheetLabels.For(language);
        var values = DashboardLabels.For(language);
        var names = report.Parties.ToDictionary(p => p.Partner.ToString(), p => p);
        string NameOf(string partner) => names.TryGetValue(partner, out var party) ? party.Name.In(language) : partner;

        var summary = Sheet.Of(words.Summary, [words.Item, words.Value],
        [
            [SheetCell.Of(words.Memorandum), SheetCell.Of(report.Title?.In(language))],
            [SheetCell.Of(words.Status), SheetCell.Of(values.Value(report.Status?.ToString()))],
            [SheetCell.Of(words.ReportDate), SheetCell.Of(report.Today)],
            [SheetCell.Of(words.WeightedCompletion), SheetCell.Of(report.WeightedCompletion)],
            [SheetCell.Of(words.CommitmentCount), SheetCell.Of(report.Commitments.Total)],
            [SheetCell.Of(words.OverdueCount), SheetCell.Of(overdueLines.Count)],
        ]);

        var roles = report.Parties.ToDictionary(p => p.Partner.ToString(), p => values.Value(p.Role.ToString()));
        var byParty = Sheet.Of(words.ByParty, [words.Party, words.Role, words.CommitmentCount, words.WeightedCompletion, words.OverdueCount],
            report.ByParty.Select(g => (IReadOnlyList<SheetCell>)
            [
                SheetCell.Of(NameOf(g.Group)),
                SheetCell.Of(roles.GetValueOrDefault(g.Group)),
                SheetCell.Of(g.Commitments),
                SheetCell.Of(g.WeightedCompletion),
                SheetCell.Of(g.Overdue),
            ]));

        var byFocusArea = Sheet.Of(words.ByFocusArea, [words.FocusArea, words.CommitmentCount, words.WeightedCompletion, words.OverdueCount],
            report.ByFocusArea.Select(g => (IReadOnlyList<SheetCell>)
            [
                SheetCell.Of(values.Value(g.Group)),
                SheetCell.Of(g.Commitments),
                SheetCell.Of(g.WeightedCompletion),
                SheetCell.Of(g.Overdue),
            ]));

        var overdue = Sheet.Of(words.Overdue, [words.Description, words.Owner, words.FocusArea, words.DueDate, words.ApprovedProgress, words.Weight],
            overdueLines.Select(l => (IReadOnlyList<SheetCell>)
            [
                SheetCell.Of(l.Description.In(language)),
                SheetCell.Of(NameOf(l.Owner.ToString())),
                SheetCell.Of(values.Value(l.FocusArea.ToString())),
                SheetCell.Of(l.DueDate),
                SheetCell.Of(l.ApprovedProgress),
                SheetCell.Of(l.Weight),
            ]));

        var commitments = Sheet.Of(words.Commitments,
            [words.Description, words.Owner, words.FocusArea, words.Stage, words.Status, words.Weight, words.ApprovedProgress, words.DueDate, words.NextDueDate],
            lines.Select(l => (IReadOnlyList<SheetCell>)
            [
                SheetCell.Of(l.Description.In(language)),
                SheetCell.Of(NameOf(l.Owner.ToString())),
                SheetCell.Of(values.Value(l.FocusArea.ToString())),
                SheetCell.Of(values.Value(l.Stage.ToString())),
                SheetCell.Of(values.Value(l.Status.ToString())),
                SheetCell.Of(l.Weight),
                SheetCell.Of(l.ApprovedProgress),
                SheetCell.Of(l.DueDate),
                SheetCell.Of(l.NextDueDate),
            ]));

        return [summary, byParty, byFocusArea, overdue, commitments];
    }
}

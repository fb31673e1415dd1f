using Collaboration.Api.Dashboard;
using Collaboration.Api.Modules.Views;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Spreadsheets;

/// <summary>
/// The talent-case queue as one sheet, in the order and with the filters of the queue endpoint for the same caller.
/// Like the queue it names the talent by nothing at all: case facts and deadline facts only.
/// </summary>
public static class TalentQueueWorkbook
{
    /// <param name="cases">The queue as the caller may read it.</param>
    /// <param name="partnerNames">Names of the partners the caller may read, by id; a referrer not among them is shown by id.</param>
    /// <param name="language">The language of headers and values.</param>
    public static IReadOnlyList<Sheet> Of(IReadOnlyList<TalentCaseListItem> cases, IReadOnlyDictionary<string, BilingualText> partnerNames, Language language)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(partnerNames);
        var words = SheetLabels.For(language);
        var values = DashboardLabels.For(language);
        var queue = Sheet.Of(words.TalentCases,
            [
                words.Case, words.Service, words.Category, words.Nationality, words.Status, words.Department, words.Officer,
                words.OpenedOn, words.DueOn, words.WorkingDaysLeft, words.Breached, words.Paused, words.Escalation, words.ReferredBy,
                words.ClosedOn,
            ],
            cases.Select(c => (IReadOnlyList<SheetCell>)
            [
                SheetCell.Of(c.Id.ToString()),
                SheetCell.Of(values.Value(c.Service.ToString())),
                SheetCell.Of(values.Value(c.Category.ToString())),
                SheetCell.Of(c.Nationality),
                SheetCell.Of(values.Value(c.Status.ToString())),
                SheetCell.Of(c.Department),
                SheetCell.Of(c.Officer),
                SheetCell.Of(c.OpenedOn),
                SheetCell.Of(c.DueOn),
                SheetCell.Of(c.WorkingDaysLeft),
                SheetCell.Of(words.YesNo(c.Breached)),
                SheetCell.Of(words.YesNo(c.Paused)),
                SheetCell.Of(c.Escalation is { } level ? values.Value(level.ToString()) : null),
                SheetCell.Of(c.ReferredBy is { } partner ? partnerNames.GetValueOrDefault(partner.ToString())?.In(language) ?? partner.ToString() : null),
                SheetCell.Of(c.ClosedOn),
            ]));
        return [queue];
    }
}

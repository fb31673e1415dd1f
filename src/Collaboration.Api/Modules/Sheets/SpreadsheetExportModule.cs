using Collaboration.Api.Application;
using Collaboration.Api.Dashboard;
using Collaboration.Api.Http;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Views;
using Collaboration.Api.Modules.Views.Paging;
using Collaboration.Api.Spreadsheets;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.MemorandumProgress;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Modules.Sheets;

/// <summary>
/// Workbooks of what office workers hand upward. Each export sends the very read request its JSON twin sends, so the
/// same roles, scoping and 404s apply and the sheet holds exactly what the caller could read as JSON.
/// </summary>
public static class SpreadsheetExportModule
{
    public static void MapSpreadsheetExports(this IEndpointRouteBuilder api)
    {
        var sheets = api.MapGroup("/").WithTags("Exports");

        sheets.MapGet("/memoranda/{id:guid}/progress.xlsx", ProgressAsync)
            .For<GetMemorandumProgressRequest>().ShowsItems(ItemKind.Memorandum).WithName("ExportMemorandumProgress")
            .WithSummary("Memorandum progress report as a workbook (summary, by party, by focus area, overdue, commitments) · 备忘录履约进度报表");

        sheets.MapGet("/talent-cases.xlsx", TalentCasesAsync)
            .For<ListTalentCasesRequest>().ShowsItems(ItemKind.TalentCase).WithName("ExportTalentCases")
            .WithSummary("Talent-case queue as a workbook, with the queue's filters · 人才服务事项队列报表");
    }

    private static async Task<Results<XlsxFile, ReadProblem>> ProgressAsync(Guid id, string? lang, HttpContext http, IMediator mediator)
    {
        if (!SheetLanguage.TryRead(lang, http.Request, out var language, out var errors))
        {
            return new ReadProblem(Problems.Validation(errors));
        }

        var read = await Dispatch.ReadAsync(http, mediator, caller => new GetMemorandumProgressRequest(caller, MemorandumId.From(id)));
        if (read.Result is not Found<MemorandumProgressReport> found)
        {
            return (ReadProblem)read.Result;
        }

        var report = found.Value;
        // The workbook holds every commitment: the API's paged list of them, read to the end (the report lists the first).
        var overdue = await LinesAsync(http, mediator, id, nameof(CommitmentStatus.Overdue));
        var lines = await LinesAsync(http, mediator, id, null);
        if ((overdue.Problem ?? lines.Problem) is { } problem)
        {
            return problem;
        }

        return new XlsxFile(XlsxWriter.Write(ProgressWorkbook.Of(report, overdue.Lines, lines.Lines, language)),
            $"memorandum-progress-{id:N}-{report.Today:yyyyMMdd}-{Tag(language)}.xlsx");
    }

    private static async Task<(List<CommitmentLine> Lines, ReadProblem? Problem)> LinesAsync(HttpContext http, IMediator mediator, Guid id, string? status)
    {
        var lines = new List<CommitmentLine>();
        string? after = null;
        do
        {
            var page = new PageRequest(PageRequest.MaxLimit, after);
            var read = await Dispatch.ReadAsync(http, mediator, caller =>
                new ListMemorandumCommitmentsRequest(caller, MemorandumId.From(id), new MemorandumCommitmentFilter(null, null, status), page));
            if (read.Result is not Found<ListPage<CommitmentLine>> found)
            {
                return ([], (ReadProblem)read.Result);
            }

            lines.AddRange(found.Value.Items);
            after = found.Value.Next;
        }
        while (after is not null);

        return (lines, null);
    }

    private static async Task<Results<XlsxFile, ReadProblem>> TalentCasesAsync(
        string? status, string? department, string? officer, string? lang, HttpContext http, IMediator mediator, IViewQueries queries, TimeProvider time)
    {
        if (!SheetLanguage.TryRead(lang, http.Request, out var language, out var errors))
        {
            return new ReadProblem(Problems.Validation(errors));
        }

        // The workbook holds the whole queue: the JSON list's own pages, read to the end.
        var cases = new List<TalentCaseListItem>();
        string? after = null;
        do
        {
            var page = new PageRequest(PageRequest.MaxLimit, after);
            var read = await Dispatch.ReadAsync(http, mediator, caller => new ListTalentCasesRequest(caller, new TalentCaseFilter(status, department, officer), page));
            if (read.Result is not Found<ListPage<TalentCaseListItem>> found)
            {
                return (ReadProblem)read.Result;
            }

            cases.AddRange(found.Value.Items);
            after = found.Value.Next;
        }
        while (after is not null);

        // Referring partners are named only from what this caller may read of the partner directory.
        var names = await PartnerNames.LoadAsync(queries, RequestCaller.Of(http)!);
        return new XlsxFile(XlsxWriter.Write(TalentQueueWorkbook.Of(cases, names, language)),
            $"talent-cases-{DistrictTime.Today(time):yyyyMMdd}-{Tag(language)}.xlsx");
    }

    private static string Tag(Language language) => language == Language.Zh ? "zh" : "en";
}

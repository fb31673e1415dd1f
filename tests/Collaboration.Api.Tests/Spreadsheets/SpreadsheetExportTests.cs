using System.Globalization;
using System.Net;
using Collaboration.Api.Dashboard;
using Collaboration.Api.Spreadsheets;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Kernel;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Collaboration.Api.Tests.Spreadsheets;

public sealed class SpreadsheetExportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static async Task<WorkbookReader> WorkbookAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be(XlsxWriter.ContentType);
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').Should().EndWith(".xlsx");
        return WorkbookReader.Read(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<(MemorandumId Memorandum, PartnerId Party, CommitmentId Late, CommitmentId OnTime)> MemorandumWithALateCommitmentAsync()
    {
        var party = PartnerId.New();
        var memorandum = MemorandumId.New();
        var late = CommitmentId.New();
        var onTime = CommitmentId.New();
        await api.DraftMemorandumAsync(memorandum, party);
        await api.AcceptedCommitmentAsync(late, memorandum, party, new DateOnly(2024, 12, 31), weight: 2m);
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(onTime, memorandum, party, new DateOnly(2099, 6, 30)));
        return (memorandum, party, late, onTime);
    }

    [Fact]
    public async Task the_progress_workbook_holds_the_report_the_json_endpoint_gives_in_english()
    {
        var (memorandum, _, _, _) = await MemorandumWithALateCommitmentAsync();
        var json = await (await api.Office().GetAsync($"/api/v1/memoranda/{memorandum}/progress")).ReadJsonAsync();

        var book = await WorkbookAsync(api.Office(), $"/api/v1/memoranda/{memorandum}/progress.xlsx?lang=en");

        book.ValidationErrors.Should().BeEmpty();
        book.SheetNames.Should().Equal("Summary", "By party", "By focus area", "Overdue", "Commitments");
        book.ValueOf("Summary", "Memorandum").Should().Be("Government-Society Cooperation Memorandum");
        decimal.Parse(book.ValueOf("Summary", "Weighted completion (%)"), CultureInfo.InvariantCulture)
            .Should().Be(json["weightedCompletion"]!.GetValue<decimal>());
        book.ValueOf("Summary", "Report date (Shanghai)").Should().Be(json["today"]!.GetValue<string>());
        book.Rows("Overdue").Should().HaveCount(2, "a header and the one late commitment");
        book.Rows("Overdue")[1].Should().Equal("Talent salon", "Partner", "High-level talent services", "2024-12-31", "0", "2");
        book.Rows("By focus area")[1][0].Should().Be("High-level talent services");
        book.Rows("By party")[1].Take(3).Should().Equal("Partner", "Partner organisation", "2");
        book.Rows("Commitments").Skip(1).Select(r => r[7]).Should().Equal("2024-12-31", "2099-06-30");
    }

    [Fact]
    public async Task headers_are_bold_shaded_and_frozen_and_dates_are_dates()
    {
        var (memorandum, _, _, _) = await MemorandumWithALateCommitmentAsync();

        var book = await WorkbookAsync(api.Office(), $"/api/v1/memoranda/{memorandum}/progress.xlsx?lang=en");

        var overdue = book.Sheets.Single(s => s.Name == "Overdue").Sheet;
        var cells = overdue.Descendants<Cell>().ToList();
        cells.Where(c => c.CellReference!.Value!.EndsWith('1') && c.CellReference.Value.Length == 2)
            .Should().OnlyContain(c => c.StyleIndex! == 1U, "every header cell uses the bold, shaded header style");
        cells.Single(c => c.CellReference! == "D2").DataType.Should().BeNull("a date is stored as a serial number, not as text");
        overdue.Descendants<Pane>().Single().State!.Value.Should().Be(PaneStateValues.Frozen);
        overdue.Descendants<AutoFilter>().Single().Reference!.Value.Should().Be("A1:F2");
    }

    [Fact]
    public async Task the_chinese_workbook_uses_the_dashboards_chinese_words()
    {
        var (memorandum, _, _, _) = await MemorandumWithALateCommitmentAsync();

        var book = await WorkbookAsync(api.Office(), $"/api/v1/memoranda/{memorandum}/progress.xlsx?lang=zh");

        book.SheetNames.Should().Equal("概况", "按合作单位", "按重点领域", "逾期事项", "承诺事项");
        book.Rows("逾期事项")[0].Should().StartWith(["承诺事项", "责任单位", "重点领域", "截止日期"]);
        book.Rows("逾期事项")[1][0].Should().Be("Talent salon（中文）");
        book.Rows("按重点领域")[1][0].Should().Be(DashboardLabels.Zh.Value("HighLevelTalentServices"));
    }

    [Fact]
    public async Task without_lang_the_workbook_follows_accept_language_and_defaults_to_chinese()
    {
        var (memorandum, _, _, _) = await MemorandumWithALateCommitmentAsync();
        var english = api.Office();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");

        (await WorkbookAsync(english, $"/api/v1/memoranda/{memorandum}/progress.xlsx")).SheetNames[0].Should().Be("Summary");
        (await WorkbookAsync(api.Office(), $"/api/v1/memoranda/{memorandum}/progress.xlsx")).SheetNames[0].Should().Be("概况");
    }

    [Fact]
    public async Task a_party_gets_the_workbook_and_an_outsider_gets_404_as_for_the_json_report()
    {
        var (memorandum, party, _, _) = await MemorandumWithALateCommitmentAsync();

        (await WorkbookAsync(api.Partner(party.Value), $"/api/v1/memoranda/{memorandum}/progress.xlsx?lang=en")).SheetNames.Should().HaveCount(5);
        var outsider = await api.Partner(Guid.NewGuid()).GetAsync($"/api/v1/memoranda/{memorandum}/progress.xlsx");
        await outsider.ShouldBeProblem(HttpStatusCode.NotFound);
        var anonymous = await api.CreateClient().GetAsync($"/api/v1/memoranda/{memorandum}/progress.xlsx");
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task an_unknown_language_is_a_400_problem_naming_lang()
    {
        var (memorandum, _, _, _) = await MemorandumWithALateCommitmentAsync();

        var response = await api.Office().GetAsync($"/api/v1/memoranda/{memorandum}/progress.xlsx?lang=fr");

        await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("lang");
    }

    [Fact]
    public async Task a_partner_exports_only_the_talent_cases_it_referred_named_by_itself()
    {
        var partner = PartnerId.New();
        var mine = TalentCaseId.New();
        var other = TalentCaseId.New();
        await api.RegisteredPartnerAsync(partner, "Shanghai International Chamber of Commerce");
        await api.OpenedTalentCaseAsync(mine, partner, "Robert Example", new DateOnly(2099, 1, 15));
        await api.WaitForViewsAsync(await api.OpenedTalentCaseAsync(other, PartnerId.New(), "Someone Else", new DateOnly(2099, 1, 15)));

        var asPartner = await WorkbookAsync(api.Partner(partner.Value), "/api/v1/talent-cases.xlsx?lang=en");
        var asOffice = await WorkbookAsync(api.Office(), "/api/v1/talent-cases.xlsx?lang=en");

        asPartner.SheetNames.Should().Equal("Talent-case queue");
        var rows = asPartner.Rows("Talent-case queue");
        rows.Skip(1).Select(r => r[0]).Should().Equal(mine.ToString());
        rows[1][rows[0].ToList().IndexOf("Referred by")].Should().Be("Shanghai International Chamber of Commerce");
        rows[1][rows[0].ToList().IndexOf("Service")].Should().Be("Work permit");
        asPartner.AllText.Should().NotContain("Robert Example", "the queue names no talent");
        asOffice.Rows("Talent-case queue").Skip(1).Select(r => r[0]).Should().Contain([mine.ToString(), other.ToString()]);
    }

    [Fact]
    public async Task the_talent_case_export_applies_the_queue_filters_and_refuses_observers()
    {
        var open = TalentCaseId.New();
        await api.WaitForViewsAsync(await api.OpenedTalentCaseAsync(open, null, "Filter Person", new DateOnly(2099, 1, 15)));

        var resolved = await WorkbookAsync(api.Office(), "/api/v1/talent-cases.xlsx?status=Resolved&lang=en");
        var badFilter = await api.Office().GetAsync("/api/v1/talent-cases.xlsx?status=Sleeping");
        var observer = await api.Observer(Guid.NewGuid()).GetAsync("/api/v1/talent-cases.xlsx");

        resolved.Rows("Talent-case queue").Skip(1).Select(r => r[0]).Should().NotContain(open.ToString());
        await badFilter.ShouldBeProblem(HttpStatusCode.BadRequest);
        await observer.ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}

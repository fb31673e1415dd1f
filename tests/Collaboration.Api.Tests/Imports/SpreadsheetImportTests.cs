using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Collaboration.Api.Application;
using Collaboration.Api.Modules.Imports;
using Collaboration.Api.Spreadsheets;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Imports;

/// <summary>Issue 17 item 2: template → fill → preview → confirm → re-import changes nothing (ADR 0020).</summary>
public sealed class SpreadsheetImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private IEventStore Store => api.Services.GetRequiredService<IEventStore>();

    private static IReadOnlyList<SheetCell> Partner(string reference, string kind, string zh, string en) =>
        [SheetCell.Of(reference), SheetCell.Of(kind), SheetCell.Of(zh), SheetCell.Of(en)];

    private static async Task<JsonNode> OkJsonAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static IEnumerable<string> Actions(JsonNode body) => body["rows"]!.AsArray().Select(r => r!["action"]!.GetValue<string>());

    private async Task<JsonNode> ConfirmAsync(HttpClient client, JsonNode preview) =>
        await OkJsonAsync(await client.PostAsync($"/api/v1/imports/{preview["preview"]!.GetValue<Guid>()}/confirm", null));

    [Fact]
    public async Task the_xlsx_template_round_trips_and_a_re_import_changes_nothing()
    {
        var office = api.Office();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var file = await ImportUpload.FilledXlsxAsync(office, "partners", "en",
            Partner($"USCC-{suffix}-1", "ChamberOfCommerce", "上海国际商会", "Shanghai International Chamber of Commerce"),
            Partner($"USCC-{suffix}-2", "产业园区", "北外滩园区", "North Bund Park"),
            Partner($"USCC-{suffix}-3", "Industry association", "软件行业协会", ""));

        var preview = await OkJsonAsync(await ImportUpload.PreviewAsync(office, "partners", "partners.xlsx", file));

        Actions(preview).Should().Equal("Create", "Create", "Create");
        preview["sha256"]!.GetValue<string>().Should().Be(Convert.ToHexStringLower(SHA256.HashData(file)));
        preview["rows"]![0]!["line"]!.GetValue<int>().Should().Be(2, "line numbers are the spreadsheet's, under the header");

        var receipt = await ConfirmAsync(office, preview);
        receipt["counts"]!["create"]!.GetValue<int>().Should().Be(3);
        var partner = await OkJsonAsync(await office.GetAsync($"/api/v1/partners/{await PartnerIdAsync(receipt)}"));
        partner["externalReference"]!.GetValue<string>().Should().Be($"uscc-{suffix}-1");

        var head = await Store.ReadHeadPositionAsync();
        var again = await OkJsonAsync(await ImportUpload.PreviewAsync(office, "partners", "partners-again.xlsx", file));
        Actions(again).Should().Equal("Unchanged", "Unchanged", "Unchanged");
        var nothing = await ConfirmAsync(office, again);
        nothing["stream"].Should().BeNull("an import that changes nothing records nothing");
        (await Store.ReadHeadPositionAsync()).Should().Be(head, "re-importing the same file appends nothing");
    }

    [Fact]
    public async Task a_confirmation_reports_its_progress_row_by_row_up_to_the_whole_file()
    {
        var office = api.Office();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var rows = Enumerable.Range(1, 12).Select(i => $"G-{suffix}-{i},Enterprise,企业{i},Company {i}").ToArray();
        var preview = await OkJsonAsync(await ImportUpload.PreviewAsync(office, "partners", "progress.csv",
            await ImportUpload.FilledCsvAsync(office, "partners", "en", rows)));
        var reported = new List<ImportProgress>();

        var (receipt, failure) = await api.Services.GetRequiredService<SpreadsheetImports>().ConfirmAsync(
            new Caller("office.zhang", CallerRole.Office, null, null),
            preview["preview"]!.GetValue<Guid>(), CancellationToken.None, new Recorded(reported));

        failure.Should().BeNull();
        receipt!.Counts.Create.Should().Be(12);
        reported.Select(p => p.Done).Should().Equal(Enumerable.Range(1, 12), "the page's bar moves with every applied row");
        reported.Should().OnlyContain(p => p.Rows == 12);
        reported[^1].Percent.Should().Be(100);
    }

    /// <summary>Records synchronously, unlike <see cref="Progress{T}"/>, which posts to a context later.</summary>
    private sealed class Recorded(List<ImportProgress> into) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => into.Add(value);
    }

    [Fact]
    public async Task the_csv_template_in_chinese_round_trips_commitments_keyed_by_memorandum_and_reference()
    {
        var office = api.Office();
        var memorandum = await api.SignedMemorandumAsync();
        var due = memorandum.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var file = await ImportUpload.FilledCsvAsync(office, "commitments", "zh",
            $"HK-1,{memorandum.Memorandum},{memorandum.PartnerA},高层次人才服务,\"每季度举办一次外籍人才政策宣讲会，含问答\",Quarterly policy briefing,{due},2",
            $"HK-2,{memorandum.Memorandum},{memorandum.PartnerB},ForeignInvestmentPromotion,外资招商推介会,Investment fair,{due},1.5");

        var preview = await OkJsonAsync(await ImportUpload.PreviewAsync(office, "commitments", "承诺事项.csv", file, "text/csv"));
        Actions(preview).Should().Equal("Create", "Create");
        await ConfirmAsync(office, preview);

        var id = CommitmentReference.IdFor(MemorandumId.From(memorandum.Memorandum), "hk-1");
        var commitment = await OkJsonAsync(await office.GetAsync($"/api/v1/commitments/{id}"));
        commitment["description"]!["zh"]!.GetValue<string>().Should().Be("每季度举办一次外籍人才政策宣讲会，含问答", "a quoted cell keeps its comma");
        commitment["weight"]!.GetValue<decimal>().Should().Be(2m);

        var head = await Store.ReadHeadPositionAsync();
        var again = await OkJsonAsync(await ImportUpload.PreviewAsync(office, "commitments", "承诺事项.csv", file, "text/csv"));
        Actions(again).Should().Equal("Unchanged", "Unchanged");
        await ConfirmAsync(office, again);
        (await Store.ReadHeadPositionAsync()).Should().Be(head);
    }

    [Fact]
    public async Task a_changed_partner_is_updated_but_a_changed_commitment_is_an_error_with_a_bilingual_reason()
    {
        var office = api.Office();
        var memorandum = await api.SignedMemorandumAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var due = memorandum.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await ConfirmAsync(office, await OkJsonAsync(await ImportUpload.PreviewAsync(office, "partners", "p.csv",
            await ImportUpload.FilledCsvAsync(office, "partners", "en", $"P-{suffix},Enterprise,甲公司,Company A"))));
        await ConfirmAsync(office, await OkJsonAsync(await ImportUpload.PreviewAsync(office, "commitments", "c.csv",
            await ImportUpload.FilledCsvAsync(office, "commitments", "en", $"C-{suffix},{memorandum.Memorandum},{memorandum.PartnerA},HighLevelTalentServices,人才沙龙,Talent salon,{due},1"))));

        var partner = await OkJsonAsync(await ImportUpload.PreviewAsync(office, "partners", "p.csv",
            await ImportUpload.FilledCsvAsync(office, "partners", "en", $"P-{suffix},Enterprise,甲公司,Company A Ltd")));
        var commitment = await OkJsonAsync(await ImportUpload.PreviewAsync(office, "commitments", "c.csv",
            await ImportUpload.FilledCsvAsync(office, "commitments", "en", $"C-{suffix},{memorandum.Memorandum},{memorandum.PartnerA},HighLevelTalentServices,人才沙龙,Talent salon,{due},3")));

        Actions(partner).Should().Equal("Update");
        partner["rows"]![0]!["changes"]!.AsArray().Select(c => c!.GetValue<string>()).Should().Equal("nameEn");
        Actions(commitment).Should().Equal("Error");
        var reason = commitment["rows"]![0]!["errors"]![0]!;
        reason["code"]!.GetValue<string>().Should().Be("import.commitment-change-refused");
        reason["zh"]!.GetValue<string>().Should().Contain("不能通过导入修改");
        reason["en"]!.GetValue<string>().Should().Contain("weight");

        var receipt = await ConfirmAsync(office, partner);
        receipt["counts"]!["update"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task bad_rows_are_errors_with_reasons_in_both_languages_and_a_preview_with_errors_cannot_be_confirmed()
    {
        var office = api.Office();
        var file = await ImportUpload.FilledCsvAsync(office, "partners", "en",
            "R-1,Spaceship,火箭,Rocket",
            ",Enterprise,无编号,No reference",
            "R-3,Enterprise,甲,A",
            "R-3,Enterprise,乙,B",
            "R 4#,Enterprise,丙,C",
            "R-5,Enterprise,,");

        var preview = await OkJsonAsync(await ImportUpload.PreviewAsync(office, "partners", "bad.csv", file));

        var rows = preview["rows"]!.AsArray();
        Actions(preview).Should().Equal("Error", "Error", "Create", "Error", "Error", "Error");
        string Code(int i) => rows[i]!["errors"]![0]!["code"]!.GetValue<string>();
        Code(0).Should().Be("import.value-unknown");
        Code(1).Should().Be("import.value-required");
        Code(3).Should().Be("import.reference-duplicate");
        rows[3]!["errors"]![0]!["en"]!.GetValue<string>().Should().Contain("line 4");
        rows[3]!["errors"]![0]!["zh"]!.GetValue<string>().Should().Contain("第 4 行");
        Code(4).Should().Be("import.reference-invalid");
        rows[5]!["errors"]![0]!["zh"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace("the partner decider's own refusal, in Chinese too");
        rows.Should().OnlyContain(r => r!["errors"]!.AsArray().All(e => e!["zh"]!.GetValue<string>().Length > 0 && e["en"]!.GetValue<string>().Length > 0));
        preview["counts"]!["errors"]!.GetValue<int>().Should().Be(5);

        var head = await Store.ReadHeadPositionAsync();
        var confirm = await office.PostAsync($"/api/v1/imports/{preview["preview"]}/confirm", null);
        await ProblemAsync(confirm, HttpStatusCode.UnprocessableEntity, "import.has-errors");
        (await Store.ReadHeadPositionAsync()).Should().Be(head);
    }

    [Fact]
    public async Task a_preview_overtaken_by_a_change_is_refused_as_stale()
    {
        var office = api.Office();
        var reference = $"S-{Guid.NewGuid():N}"[..20];
        var preview = await OkJsonAsync(await ImportUpload.PreviewAsync(office, "partners", "p.csv",
            await ImportUpload.FilledCsvAsync(office, "partners", "en", $"{reference},Enterprise,丁公司,Company D")));
        var registered = await office.PostAsync("/api/v1/partners", ApiJson.Body(new
        {
            kind = "Enterprise", name = new { zh = "丁公司", en = "Company D (typed in by hand)" }, contacts = Array.Empty<object>(), externalReference = reference,
        }));
        registered.StatusCode.Should().Be(HttpStatusCode.Created);

        var confirm = await office.PostAsync($"/api/v1/imports/{preview["preview"]}/confirm", null);

        await ProblemAsync(confirm, HttpStatusCode.PreconditionFailed, "import.preview-stale");
    }

    [Fact]
    public async Task the_audit_event_records_who_the_file_and_its_hash_and_every_row_carries_the_import_id()
    {
        var office = api.Office();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var file = await ImportUpload.FilledCsvAsync(office, "partners", "en", $"A-{suffix},Enterprise,乙公司,Company B");
        var receipt = await ConfirmAsync(office, await OkJsonAsync(await ImportUpload.PreviewAsync(office, "partners", "audit.csv", file)));
        var import = receipt["import"]!.GetValue<Guid>();

        var recorded = await Store.ReadStreamAsync($"import-{import}").ToListAsync();

        var audit = recorded.Should().ContainSingle().Subject;
        audit.Type.Should().Be("import.applied.v1");
        var data = JsonNode.Parse(Encoding.UTF8.GetString(audit.Data.Span))!;
        data["fileSha256"]!.GetValue<string>().Should().Be(Convert.ToHexStringLower(SHA256.HashData(file)));
        data["fileName"]!.GetValue<string>().Should().Be("audit.csv");
        data["created"]!.GetValue<int>().Should().Be(1);
        data["by"]!.GetValue<string>().Should().Be(audit.Metadata.ActorId);
        var partner = await PartnerIdAsync(receipt);
        var rowEvents = await Store.ReadStreamAsync($"partner-{partner}").ToListAsync();
        rowEvents.Should().NotBeEmpty().And.OnlyContain(e => e.Metadata.CorrelationId == import);

        var chain = await OkJsonAsync(await office.GetAsync("/api/v1/audit/chain/verify"));
        chain["isValid"]!.GetValue<bool>().Should().BeTrue();
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("partner")]
    public async Task only_the_office_imports(string role)
    {
        var client = role == "auditor" ? api.Auditor() : api.Partner(Guid.NewGuid());
        var file = Encoding.UTF8.GetBytes("externalReference,kind,nameZh,nameEn\r\nX-1,Enterprise,甲,A\r\n");

        await ProblemAsync(await ImportUpload.PreviewAsync(client, "partners", "p.csv", file), HttpStatusCode.Forbidden, null);
        await ProblemAsync(await client.GetAsync("/api/v1/imports/template?kind=partners"), HttpStatusCode.Forbidden, null);
        await ProblemAsync(await client.PostAsync($"/api/v1/imports/{Guid.NewGuid()}/confirm", null), HttpStatusCode.Forbidden, null);
    }

    [Fact]
    public async Task malformed_files_are_4xx_problems_with_stable_codes()
    {
        var office = api.Office();
        var garbage = RandomNumberGenerator.GetBytes(2048);
        var zipGarbage = new byte[] { 0x50, 0x4B, 0x03, 0x04 }.Concat(RandomNumberGenerator.GetBytes(1024)).ToArray();

        await ProblemAsync(await ImportUpload.PreviewAsync(office, "partners", "p.xlsx", garbage), HttpStatusCode.UnsupportedMediaType, "import.not-a-spreadsheet");
        await ProblemAsync(await ImportUpload.PreviewAsync(office, "partners", "p.xlsx", zipGarbage), HttpStatusCode.UnsupportedMediaType, "import.not-a-spreadsheet");
        await ProblemAsync(await ImportUpload.PreviewAsync(office, "partners", "p.csv", "name,colour\r\na,b\r\n"u8.ToArray()), HttpStatusCode.BadRequest, "import.headers-invalid");
        await ProblemAsync(await ImportUpload.PreviewAsync(office, "partners", "p.csv", "externalReference,kind\r\n"u8.ToArray()), HttpStatusCode.BadRequest, "import.empty");
        await ProblemAsync(await ImportUpload.PreviewAsync(office, "planets", "p.csv", "x"u8.ToArray()), HttpStatusCode.BadRequest, "import.kind-invalid");
        await ProblemAsync(await office.PostAsync("/api/v1/imports/preview", ApiJson.Body("{}")), HttpStatusCode.BadRequest, "import.file-missing");
        await ProblemAsync(await office.PostAsync($"/api/v1/imports/{Guid.NewGuid()}/confirm", null), HttpStatusCode.NotFound, "import.preview-not-found");
        await ProblemAsync(await office.GetAsync("/api/v1/imports/template.csv?kind=partners&lang=fr"), HttpStatusCode.BadRequest, "import.lang-invalid");
    }

    [Fact]
    public async Task too_many_rows_and_too_large_files_are_413()
    {
        var office = api.Office();
        var many = new StringBuilder("externalReference,kind,nameZh,nameEn\r\n");
        for (var i = 0; i <= Modules.Imports.ImportLimits.MaxRows; i++)
        {
            many.Append("R-").Append(i).Append(",Enterprise,甲,A\r\n");
        }

        await ProblemAsync(await ImportUpload.PreviewAsync(office, "partners", "many.csv", Encoding.UTF8.GetBytes(many.ToString())), HttpStatusCode.RequestEntityTooLarge, "import.too-many-rows");
        var huge = new byte[Modules.Imports.ImportLimits.MaxFileBytes + 1];
        await ProblemAsync(await ImportUpload.PreviewAsync(office, "partners", "huge.csv", huge), HttpStatusCode.RequestEntityTooLarge, null);
    }

    private async Task<Guid> PartnerIdAsync(JsonNode receipt)
    {
        // The receipt names rows by reference; the partner id is the one its reservation holds.
        var reference = receipt["rows"]![0]!["reference"]!.GetValue<string>();
        var reservation = await Store.ReadStreamAsync($"partner-reference-{reference}").FirstAsync();
        return JsonNode.Parse(Encoding.UTF8.GetString(reservation.Data.Span))!["partner"]!.GetValue<Guid>();
    }

    private static async Task ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? code)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        if (code is not null)
        {
            JsonNode.Parse(text)!["code"]!.GetValue<string>().Should().Be(code);
        }
    }
}

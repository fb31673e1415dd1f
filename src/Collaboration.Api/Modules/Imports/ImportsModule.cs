using Collaboration.Api.Application;
using Collaboration.Api.Http;
using Collaboration.Api.Modules.Sheets;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Kernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// Spreadsheet import of partners and commitments (ADR 0020): upload → dry-run preview → confirm, and the template to
/// fill. Office only. The uploads are the one place under /api with a body larger than the usual ceiling.
/// </summary>
public static class ImportsModule
{
    public static IServiceCollection AddImports(this IServiceCollection services) =>
        services
            .AddDistributedMemoryCache()
            .AddSingleton<ImportPreviews>()
            .AddScoped<ImportPlanner>()
            .AddScoped<SpreadsheetImports>();

    public static void MapImports(this IEndpointRouteBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");

        imports.MapPost("/preview", PreviewAsync)
            .For<ImportRequest>()
            .WithMetadata(new RequestSizeLimitAttribute(ImportLimits.MaxRequestBytes))
            .WithName("PreviewImport")
            .WithSummary("Dry-run a spreadsheet import (multipart: file, kind=partners|commitments): each row as create, update, unchanged or error · 导入预览");

        imports.MapPost("/{id:guid}/confirm", ConfirmAsync)
            .For<ImportRequest>()
            .WithName("ConfirmImport")
            .WithSummary("Apply a previewed import, if nothing changed since the preview; recorded as one audited operation · 确认导入");

        imports.MapGet("/template", Template)
            .For<ImportRequest>()
            .ShowsItems(null, "a blank template with column notes: no items")
            .WithName("ImportTemplate")
            .WithSummary("Download the import template as a workbook (?kind=partners|commitments&lang=zh|en) · 下载导入模板");

        imports.MapGet("/template.csv", TemplateCsv)
            .For<ImportRequest>()
            .ShowsItems(null, "a header row: no items")
            .WithName("ImportTemplateCsv")
            .WithSummary("Download the import template as CSV, UTF-8 (?kind=partners|commitments&lang=zh|en) · 下载 CSV 导入模板");
    }

    private static async Task<Results<Ok<ImportPreview>, WriteProblem>> PreviewAsync(HttpContext http, SpreadsheetImports imports)
    {
        if (RequestCaller.Of(http) is not { IsOffice: true } caller)
        {
            return new WriteProblem(Problems.Forbidden("Only the district office imports spreadsheets."));
        }

        if (!http.Request.HasFormContentType)
        {
            return Problem(ImportFailures.FileMissing);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // The multipart envelope is malformed, or a part is over the form reader's own limits.
            return Problem(ImportFailures.FileMissing);
        }

        if (!TryKind(form["kind"].ToString() is { Length: > 0 } k ? k : http.Request.Query["kind"].ToString(), out var kind))
        {
            return Problem(ImportFailures.KindInvalid);
        }

        if (form.Files.Count != 1 || form.Files[0] is not { Length: > 0 } file)
        {
            return Problem(ImportFailures.FileMissing);
        }

        if (file.Length > ImportLimits.MaxFileBytes)
        {
            return Problem(ImportFailures.TooLarge);
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, http.RequestAborted);
        }

        try
        {
            var fileName = Path.GetFileName(file.FileName);
            return TypedResults.Ok(await imports.PreviewAsync(caller, kind, string.IsNullOrWhiteSpace(fileName) ? "upload" : fileName, content, http.RequestAborted));
        }
        catch (ImportFileRejected rejected)
        {
            return Problem(rejected.Failure);
        }
    }

    private static async Task<Results<Ok<ImportReceipt>, WriteProblem>> ConfirmAsync(Guid id, HttpContext http, SpreadsheetImports imports)
    {
        if (RequestCaller.Of(http) is not { IsOffice: true } caller)
        {
            return new WriteProblem(Problems.Forbidden("Only the district office imports spreadsheets."));
        }

        var (receipt, failure) = await imports.ConfirmAsync(caller, id, http.RequestAborted);
        return receipt is not null ? TypedResults.Ok(receipt) : Problem(failure!);
    }

    private static Results<XlsxFile, ReadProblem> Template(string? kind, string? lang, HttpContext http)
    {
        if (TemplateProblem(kind, lang, http, out var importKind, out var language) is { } problem)
        {
            return problem;
        }

        return new XlsxFile(ImportTemplate.Xlsx(importKind, language), ImportTemplate.FileName(importKind, language, "xlsx"));
    }

    private static Results<TextFile<CsvFormat>, ReadProblem> TemplateCsv(string? kind, string? lang, HttpContext http)
    {
        if (TemplateProblem(kind, lang, http, out var importKind, out var language) is { } problem)
        {
            return problem;
        }

        // A byte-order mark, so Excel opens the Chinese headers as UTF-8.
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(ImportTemplate.Csv(importKind, language))).ToArray();
        return new TextFile<CsvFormat>((stream, ct) => stream.WriteAsync(bytes, ct).AsTask(), ImportTemplate.FileName(importKind, language, "csv"));
    }

    private static ReadProblem? TemplateProblem(string? kind, string? lang, HttpContext http, out ImportKind importKind, out Language language)
    {
        language = Language.Zh;
        if (!TryKind(kind, out importKind))
        {
            return new ReadProblem(ToProblem(ImportFailures.KindInvalid));
        }

        return SheetLanguage.TryRead(lang, http.Request, out language, out _) ? null : new ReadProblem(ToProblem(ImportFailures.LanguageInvalid));
    }

    private static bool TryKind(string? text, out ImportKind kind)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "partners":
                kind = ImportKind.Partners;
                return true;
            case "commitments":
                kind = ImportKind.Commitments;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    private static WriteProblem Problem(ImportFailure failure) => new(ToProblem(failure));

    private static ProblemHttpResult ToProblem(ImportFailure failure)
    {
        var extensions = failure.Details?.ToDictionary(p => p.Key, p => p.Value) ?? [];
        if (failure.Status == StatusCodes.Status400BadRequest)
        {
            extensions["errors"] = new Dictionary<string, string[]> { [failure.Field] = [$"{failure.Message.En} {failure.Message.Zh}"] };
        }

        return Problems.Create(failure.Status, failure.Message.En ?? failure.Code, failure.Code, failure.Message, extensions);
    }
}

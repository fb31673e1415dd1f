using Collaboration.Domain.Kernel;
using Microsoft.AspNetCore.Http;

namespace Collaboration.Api.Modules.Imports;

/// <summary>Every refusal of a whole import, with its stable code. Codes are API contract: never rename.</summary>
public static class ImportFailures
{
    public static ImportFailure FileMissing { get; } = new(StatusCodes.Status400BadRequest, "import.file-missing", BilingualText.Both(
        "请以 multipart/form-data 上传一个文件（字段名 file）。", "Upload one file as multipart/form-data (field 'file')."));

    public static ImportFailure KindInvalid { get; } = new(StatusCodes.Status400BadRequest, "import.kind-invalid", BilingualText.Both(
        "kind 须为 partners 或 commitments。", "kind must be partners or commitments."), Field: "kind");

    public static ImportFailure LanguageInvalid { get; } = new(StatusCodes.Status400BadRequest, "import.lang-invalid", BilingualText.Both(
        "lang 须为 zh 或 en。", "lang must be zh or en."), Field: "lang");

    public static ImportFailure NotASpreadsheet { get; } = new(StatusCodes.Status415UnsupportedMediaType, "import.not-a-spreadsheet", BilingualText.Both(
        "该文件不是可读取的 .xlsx 工作簿或 CSV 文件；旧版 .xls 请另存为 .xlsx。",
        "The file is not a readable .xlsx workbook or CSV file; save an old .xls as .xlsx."));

    public static ImportFailure TooLarge { get; } = new(StatusCodes.Status413PayloadTooLarge, "import.too-large", BilingualText.Both(
        $"文件超过 {ImportLimits.MaxFileBytes / (1024 * 1024)} MiB，请拆分后分批导入。",
        $"The file is larger than {ImportLimits.MaxFileBytes / (1024 * 1024)} MiB; split it and import the parts."));

    public static ImportFailure TooManyRows { get; } = new(StatusCodes.Status413PayloadTooLarge, "import.too-many-rows", BilingualText.Both(
        $"数据行超过 {ImportLimits.MaxRows} 行，请拆分后分批导入。", $"More than {ImportLimits.MaxRows} data rows; split the file and import the parts."));

    public static ImportFailure TooWide { get; } = new(StatusCodes.Status400BadRequest, "import.headers-invalid", BilingualText.Both(
        $"工作表超过 {XlsxRows.MaxColumns} 列，请使用下载的模板。", $"The sheet has more than {XlsxRows.MaxColumns} columns; use the downloaded template."));

    public static ImportFailure Empty { get; } = new(StatusCodes.Status400BadRequest, "import.empty", BilingualText.Both(
        "文件中没有表头行或数据行。", "The file has no header row or no data rows."));

    public static ImportFailure HeadersInvalid(IReadOnlyList<string> missing, IReadOnlyList<string> unknown) =>
        new ImportFailure(StatusCodes.Status400BadRequest, "import.headers-invalid", BilingualText.Both(
            "表头与模板不符" + (missing.Count > 0 ? $"，缺少：{string.Join("、", missing)}" : string.Empty) + (unknown.Count > 0 ? $"，无法识别：{string.Join("、", unknown)}" : string.Empty) + "。请使用下载的模板。",
            "The headers do not match the template" + (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : string.Empty) + (unknown.Count > 0 ? $"; not recognised: {string.Join(", ", unknown)}" : string.Empty) + ". Use the downloaded template."))
        .With("missing", missing).With("unknown", unknown);

    public static ImportFailure PreviewNotFound { get; } = new(StatusCodes.Status404NotFound, "import.preview-not-found", BilingualText.Both(
        "未找到该预览（预览保留30分钟，且仅限上传者本人确认）。请重新上传预览。",
        "No such preview (previews are kept for 30 minutes and only the uploader may confirm one). Upload the file again to preview it."));

    public static ImportFailure PreviewStale { get; } = new(StatusCodes.Status412PreconditionFailed, "import.preview-stale", BilingualText.Both(
        "预览之后数据已发生变化，预览结果已失效。请重新预览后再确认。",
        "The data changed since the preview, so it no longer holds. Preview again, then confirm."));

    public static ImportFailure HasErrors { get; } = new(StatusCodes.Status422UnprocessableEntity, "import.has-errors", BilingualText.Both(
        "预览中有错误行；请修正文件后重新预览，整份文件无误后方可确认。",
        "The preview has rows in error; correct the file and preview again. A file is confirmed only when every row is valid."));

    public static ImportFailure AlreadyConfirmed { get; } = new(StatusCodes.Status409Conflict, "import.already-confirmed", BilingualText.Both(
        "该预览已确认导入。", "This preview was already confirmed."));
}

using Collaboration.Api.Modules.Imports;

namespace Collaboration.Api.Dashboard;

/// <summary>The words of the spreadsheet-import page, one instance per language (part of <see cref="DashboardLabels"/>).</summary>
public sealed record ImportPageLabels
{
    public static ImportPageLabels En { get; } = new()
    {
        Title = "Spreadsheet import",
        NotAuthorised = "You are not authorised to use this page. Spreadsheet import is for the district office.",
        Intro = "Fill in the template, upload it, check the preview, then confirm. Rows are keyed by their external reference: importing the same file again changes nothing.",
        WhatToImport = "What to import",
        Template = "Template",
        TemplateXlsx = "Download template (.xlsx)",
        TemplateCsv = "Download template (.csv)",
        ChooseFile = "Upload a CSV or .xlsx file",
        FileLimit = $"At most {ImportLimits.MaxFileBytes / (1024 * 1024)} MiB and {ImportLimits.MaxRows:N0} rows.",
        Uploading = "Uploading",
        Planning = "Checking every row (nothing is written yet)…",
        Applying = "Applying rows",
        Preview = "Preview",
        Receipt = "Import confirmed",
        File = "File",
        Sha256 = "SHA-256 of the file",
        Line = "Line",
        Reference = "External reference",
        Action = "Action",
        Details = "Changes or reasons",
        Rows = "Rows",
        Confirm = "Confirm import",
        Cancel = "Cancel",
        Cancelled = "The preview was discarded; nothing was written.",
        ErrorsBlockConfirm = "Some rows are in error: correct the file and upload it again. A file is confirmed only when every row is valid.",
        NothingRecorded = "Every row was unchanged, so nothing was written.",
        RecordedIn = "Recorded as one operation in",
        Actions = new Dictionary<ImportAction, string>
        {
            [ImportAction.Create] = "Create", [ImportAction.Update] = "Update", [ImportAction.Unchanged] = "Unchanged", [ImportAction.Error] = "Error",
        },
        Kinds = new Dictionary<ImportKind, string> { [ImportKind.Partners] = "Partners", [ImportKind.Commitments] = "Commitments" },
    };

    public static ImportPageLabels Zh { get; } = new()
    {
        Title = "表格导入",
        NotAuthorised = "您无权使用此页面。表格导入仅向区政府办公室开放。",
        Intro = "填写模板并上传，核对预览后确认导入。各行按外部编号识别：再次导入同一文件不会产生任何变更。",
        WhatToImport = "导入内容",
        Template = "模板",
        TemplateXlsx = "下载模板（.xlsx）",
        TemplateCsv = "下载模板（.csv）",
        ChooseFile = "上传 CSV 或 .xlsx 文件",
        FileLimit = $"文件至多 {ImportLimits.MaxFileBytes / (1024 * 1024)} MiB、{ImportLimits.MaxRows} 行。",
        Uploading = "正在上传",
        Planning = "正在逐行核对（尚未写入任何数据）……",
        Applying = "正在导入",
        Preview = "导入预览",
        Receipt = "已确认导入",
        File = "文件",
        Sha256 = "文件 SHA-256",
        Line = "行号",
        Reference = "外部编号",
        Action = "操作",
        Details = "变更或原因",
        Rows = "行数",
        Confirm = "确认导入",
        Cancel = "取消",
        Cancelled = "已放弃本次预览，未写入任何数据。",
        ErrorsBlockConfirm = "部分行有错误：请修正文件后重新上传。整份文件无误后方可确认。",
        NothingRecorded = "所有行均无变化，未写入任何数据。",
        RecordedIn = "已作为一次操作记录于",
        Actions = new Dictionary<ImportAction, string>
        {
            [ImportAction.Create] = "新增", [ImportAction.Update] = "更新", [ImportAction.Unchanged] = "无变化", [ImportAction.Error] = "错误",
        },
        Kinds = new Dictionary<ImportKind, string> { [ImportKind.Partners] = "合作单位", [ImportKind.Commitments] = "承诺事项" },
    };

    public required string Title { get; init; }

    public required string NotAuthorised { get; init; }

    public required string Intro { get; init; }

    public required string WhatToImport { get; init; }

    public required string Template { get; init; }

    public required string TemplateXlsx { get; init; }

    public required string TemplateCsv { get; init; }

    public required string ChooseFile { get; init; }

    public required string FileLimit { get; init; }

    public required string Uploading { get; init; }

    public required string Planning { get; init; }

    /// <summary>Shown with "n / N" while a confirmation applies the rows.</summary>
    public required string Applying { get; init; }

    public required string Preview { get; init; }

    public required string Receipt { get; init; }

    public required string File { get; init; }

    public required string Sha256 { get; init; }

    public required string Line { get; init; }

    public required string Reference { get; init; }

    public required string Action { get; init; }

    public required string Details { get; init; }

    public required string Rows { get; init; }

    public required string Confirm { get; init; }

    public required string Cancel { get; init; }

    public required string Cancelled { get; init; }

    public required string ErrorsBlockConfirm { get; init; }

    public required string NothingRecorded { get; init; }

    public required string RecordedIn { get; init; }

    public required IReadOnlyDictionary<ImportAction, string> Actions { get; init; }

    public required IReadOnlyDictionary<ImportKind, string> Kinds { get; init; }
}

using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Collaboration.Cli.Commands;

/// <summary>
/// <c>collab import-sheet</c>: a spreadsheet import through a running tracker's API (not the log file), so the same
/// office-only rule, row checks and audit record apply as for an upload in the dashboard. Shows the preview table;
/// with <c>--confirm</c> applies it. Exit codes: 0 done (or previewed), 1 refused or rows in error.
/// </summary>
internal static class ImportSheetCommand
{
    public static Command Create(IAnsiConsole ui, Func<HttpMessageHandler>? handler = null)
    {
        var file = new Argument<FileInfo>("file") { Description = "The .xlsx or .csv file to import" };
        var kind = new Option<string>("--kind") { Description = "partners or commitments", Required = true };
        kind.AcceptOnlyFromAmong("partners", "commitments");
        var url = new Option<string>("--url") { Description = "The tracker, e.g. http://localhost:5080", Required = true };
        var token = new Option<string>("--token") { Description = "An office bearer token", Required = true };
        var confirm = new Option<bool>("--confirm") { Description = "Apply the import after showing the preview (without it: preview only)" };
        var command = new Command("import-sheet", "Preview (and with --confirm apply) a spreadsheet import of partners or commitments through the tracker's API")
        {
            file, kind, url, token, confirm,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                ui.MarkupLineInterpolated($"[red]No such file:[/] {path.FullName}");
                return 1;
            }

            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var tracker) || tracker.Scheme is not ("http" or "https"))
            {
                ui.MarkupLine("[red]--url must be the tracker's http(s) address.[/]");
                return 1;
            }

            using var http = handler is null ? new HttpClient() : new HttpClient(handler());
            http.BaseAddress = tracker.AbsoluteUri.EndsWith('/') ? tracker : new Uri(tracker.AbsoluteUri + "/");
            http.Timeout = TimeSpan.FromMinutes(10);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", parse.GetValue(token));

            JsonNode? preview = null;
            await ui.Status().StartAsync($"Uploading {path.Name} ({path.Length:N0} bytes) for a preview…", async _ =>
            {
                using var form = new MultipartFormDataContent();
                var content = new StreamContent(path.OpenRead());
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(content, "file", path.Name);
                form.Add(new StringContent(parse.GetValue(kind)!), "kind");
                preview = await AnswerAsync(ui, await http.PostAsync(new Uri("api/v1/imports/preview", UriKind.Relative), form, ct), ct);
            });
            if (preview is null)
            {
                return 1;
            }

            ui.MarkupLineInterpolated($"[bold]{path.Name}[/] sha256 {preview["sha256"]?.GetValue<string>()}");
            ui.Write(Table(preview));
            ui.MarkupLine(Counts(preview["counts"]!));
            if (preview["counts"]!["errors"]!.GetValue<int>() > 0)
            {
                ui.MarkupLine("[red]Correct the rows in error and run again. 请修正错误行后重新导入。[/]");
                return 1;
            }

            if (!parse.GetValue(confirm))
            {
                ui.MarkupLine("Preview only: nothing was written. Run again with [bold]--confirm[/] to apply. 仅预览，未写入。");
                return 0;
            }

            JsonNode? receipt = null;
            await ui.Status().StartAsync("Applying…", async _ =>
                receipt = await AnswerAsync(ui, await http.PostAsync(
                    new Uri($"api/v1/imports/{preview["preview"]!.GetValue<Guid>()}/confirm", UriKind.Relative), null, ct), ct));
            if (receipt is null)
            {
                return 1;
            }

            ui.MarkupLine(Counts(receipt["counts"]!));
            ui.MarkupLineInterpolated($"Recorded as {receipt["stream"]?.GetValue<string>() ?? "nothing (no row changed)"}");
            return receipt["counts"]!["errors"]!.GetValue<int>() > 0 ? 1 : 0;
        });
        return command;
    }

    /// <summary>The JSON body of a 2xx answer; otherwise the problem's code and message, printed, and null.</summary>
    private static async Task<JsonNode?> AnswerAsync(IAnsiConsole ui, HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.IsSuccessStatusCode)
        {
            return JsonNode.Parse(text);
        }

        var problem = text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text) : null;
        ui.MarkupLineInterpolated($"[red]{(int)response.StatusCode} {problem?["code"]?.GetValue<string>() ?? response.ReasonPhrase}[/]");
        if (problem?["message"] is { } message)
        {
            ui.WriteLine(message["en"]?.GetValue<string>() ?? string.Empty);
            ui.WriteLine(message["zh"]?.GetValue<string>() ?? string.Empty);
        }

        return null;
    }

    private static Table Table(JsonNode preview)
    {
        var table = new Table().AddColumn("Line").AddColumn("Reference").AddColumn("Action").AddColumn("Changes / reasons");
        foreach (var row in preview["rows"]!.AsArray())
        {
            var action = row!["action"]!.GetValue<string>();
            var detail = action == "Error"
                ? string.Join("; ", row["errors"]!.AsArray().Select(e => $"{e!["en"]} {e["zh"]}"))
                : string.Join(", ", row["changes"]!.AsArray().Select(c => c!.GetValue<string>()));
            var colour = action switch { "Create" => "green", "Update" => "yellow", "Error" => "red", _ => "grey" };
            table.AddRow(
                row["line"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture),
                Markup.Escape(row["reference"]?.GetValue<string>() ?? string.Empty),
                $"[{colour}]{action}[/]",
                Markup.Escape(detail));
        }

        return table;
    }

    private static string Counts(JsonNode counts) =>
        $"rows {counts["rows"]} · [green]create {counts["create"]}[/] · [yellow]update {counts["update"]}[/] · unchanged {counts["unchanged"]} · [red]errors {counts["errors"]}[/]";
}

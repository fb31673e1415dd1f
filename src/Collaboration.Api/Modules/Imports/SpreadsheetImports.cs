using System.Security.Cryptography;
using Collaboration.Api.Application;
using Collaboration.Domain.Imports;
using Collaboration.EventStore;

namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// Preview and confirmation of a spreadsheet import. A preview reads the file, plans every row and holds the result;
/// a confirmation plans the same rows again and refuses (412) if anything came out differently — the log moved under
/// the preview — then sends each row's write through the ordinary executor with the import's id as correlation and a
/// per-row idempotency key (a retried confirmation repeats nothing), and finally records the whole import as one
/// <see cref="SpreadsheetImported"/> event on <c>import-{id}</c>.
/// </summary>
public sealed class SpreadsheetImports(
    ImportPlanner planner, ImportPreviews previews, IEventStore store, EventSerializer serializer, TimeProvider time, ILogger<SpreadsheetImports> logger)
{
    public async Task<ImportPreview> PreviewAsync(Caller caller, ImportKind kind, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        logger.LogInformation("Import preview of {File} ({Bytes} bytes, sha256 {Sha256}) by {Caller}", fileName, content.Length, sha256, caller.Id);
        var rows = ImportSheet.Read(kind, fileName, content, logger);
        var planned = await planner.PlanAsync(kind, rows, cancellationToken);
        var results = planned.Select(p => p.Result).ToList();
        var preview = new ImportPreview(Guid.CreateVersion7(), kind, fileName, sha256, ImportCounts.Of(results), results,
            time.GetUtcNow() + ImportLimits.PreviewLifetime);
        logger.LogInformation("Import preview {Preview} of {File}: {Counts}", preview.Preview, fileName, preview.Counts);
        return await previews.HoldAsync(caller.Id, preview, rows, cancellationToken);
    }

    /// <summary>
    /// Applies a held preview; the failure when it is unknown, has errors, was confirmed, or went stale.
    /// <c>progress</c> is told after each row, so a page can show how far a large file has got.
    /// </summary>
    public async Task<(ImportReceipt? Receipt, ImportFailure? Failure)> ConfirmAsync(
        Caller caller, Guid previewId, CancellationToken cancellationToken, IProgress<ImportProgress>? progress = null)
    {
        if (await previews.FindAsync(previewId, caller.Id, cancellationToken) is not { } held)
        {
            return (null, ImportFailures.PreviewNotFound);
        }

        var preview = held.Preview;
        if (preview.Counts.Errors > 0)
        {
            return (null, ImportFailures.HasErrors);
        }

        var stream = SpreadsheetImported.StreamName(previewId);
        await foreach (var _ in store.ReadStreamAsync(stream, maxCount: 1, ct: cancellationToken))
        {
            return (null, ImportFailures.AlreadyConfirmed);
        }

        var planned = await planner.PlanAsync(preview.Kind, held.Rows, cancellationToken);
        if (planned.Count != preview.Rows.Count || planned.Where((p, i) => !p.Result.SameAs(preview.Rows[i])).Any())
        {
            await previews.ForgetAsync(previewId, cancellationToken);
            return (null, ImportFailures.PreviewStale);
        }

        var results = new List<ImportRowResult>(planned.Count);
        foreach (var row in planned)
        {
            results.Add(row.Apply is null ? row.Result : await ApplyAsync(row, caller, previewId, cancellationToken));
            progress?.Report(new ImportProgress(results.Count, planned.Count));
            if (results.Count % ImportLimits.ProgressEvery == 0)
            {
                logger.LogInformation("Import {Import}: {Done} of {Rows} rows applied", previewId, results.Count, planned.Count);
            }
        }

        var counts = ImportCounts.Of(results);
        string? recordedIn = null;
        if (counts.Create + counts.Update + counts.Errors > 0)
        {
            var metadata = new EventMetadata(caller.Id, caller.Role.ToString().ToLowerInvariant(), caller.Organisation?.ToString(), previewId, previewId, previewId);
            var @event = new SpreadsheetImported(previewId, preview.Kind.ToString().ToLowerInvariant(), preview.FileName, preview.Sha256,
                counts.Rows, counts.Create, counts.Update, counts.Unchanged, counts.Errors, caller.Id, time.GetUtcNow());
            await store.AppendAsync(stream, ExpectedRevision.NoStream, [serializer.ToEventToAppend(@event, metadata, previewId)], cancellationToken);
            recordedIn = stream;
        }

        await previews.ForgetAsync(previewId, cancellationToken);
        logger.LogInformation("Import {Import} of {File} confirmed by {Caller}: {Counts}", previewId, preview.FileName, caller.Id, counts);
        return (new ImportReceipt(previewId, recordedIn, preview.Kind, preview.FileName, preview.Sha256, counts, results), null);
    }

    private static async Task<ImportRowResult> ApplyAsync(PlannedRow row, Caller caller, Guid import, CancellationToken cancellationToken)
    {
        var options = new WriteOptions(IdempotencyKey: $"import:{import:N}:line:{row.Result.Line}", CorrelationId: import);
        var outcome = await row.Apply!(caller, options, cancellationToken);
        if (outcome is CommandOutcome.Accepted)
        {
            return row.Result;
        }

        // Planned a moment ago on the same state, so this is a race with another writer: say so on the row.
        var reason = outcome switch
        {
            CommandOutcome.Rejected rejected => new ImportReason(rejected.Error.Code, null, rejected.Error.Message.Zh ?? rejected.Error.Code, rejected.Error.Message.En ?? rejected.Error.Code),
            _ => new ImportReason("import.row-not-applied", null, "该行未能写入（并发修改），请重新预览。", "The row could not be written (a concurrent change); preview again."),
        };
        return row.Result with { Action = ImportAction.Error, Errors = [reason] };
    }
}

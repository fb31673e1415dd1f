using Collaboration.Api.Application;
using Collaboration.Api.Http;
using Collaboration.Api.Visibility;
using Collaboration.Audit;
using Collaboration.Audit.Checkpoints;
using Collaboration.Audit.Export;
using Collaboration.Audit.Privacy;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Visibility;
using Collaboration.EventStore;
using Collaboration.Projections.Running;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Modules.Audit;

/// <summary>
/// The audit trail: the filtered global log (paged) and its NDJSON export (streamed, resumable), item history with
/// before → after of derived state, state as of a moment and diffs, the memorandum progress view as of a moment, chain
/// verification, signed checkpoints, and personal data erasure.
/// </summary>
public static class AuditModule
{
    public const int MaxPageSize = 1000;

    public static IServiceCollection AddAudit(this IServiceCollection services) =>
        services
            .AddSingleton<AuditLogReader>()
            .AddSingleton<AsOfReader>()
            .AddSingleton(sp => new MemorandumCommitments(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<EventSerializer>(), sp.GetService<ProjectionRunner>()))
            .AddSingleton(sp => new MemorandumProgressAsOf(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<EventSerializer>(), sp.GetRequiredService<MemorandumCommitments>()))
            .AddSingleton(sp => new ReadModelsAsOf(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<EventSerializer>(), sp.GetRequiredService<MemorandumCommitments>()));

    public static void MapAudit(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");

        audit.MapGet("/events", GetEventsAsync)
            .For<ReadAuditTrailRequest>()
            .ShowsItems(null, "each event judged by its stream")
            .WithName("GetAuditEvents")
            .WithSummary("The global event log, filtered and paged, with metadata and hashes · 审计日志（筛选、分页）");

        audit.MapGet("/streams/{stream}/history", GetHistoryAsync)
            .For<ReadAuditTrailRequest>()
            .ShowsItems(null, "judged by the stream")
            .WithName("GetAuditHistory")
            .WithSummary("Every step of one item: who, when, what changed (before → after) · 事项完整历史");

        audit.MapGet("/streams/{stream}/state", GetStateAsync)
            .For<ReadAuditTrailRequest>()
            .ShowsItems(null, "judged by the stream")
            .WithName("GetAuditStateAsOf")
            .WithSummary("An item's state as of a timestamp or a revision · 某一时点的事项状态");

        audit.MapGet("/streams/{stream}/diff", GetDiffAsync)
            .For<ReadAuditTrailRequest>()
            .ShowsItems(null, "judged by the stream")
            .WithName("GetAuditStateDiff")
            .WithSummary("What changed in an item between two moments · 两个时点之间的变化");

        audit.MapGet("/views/memoranda/{id:guid}/progress", GetMemorandumProgressAsync)
            .For<ReadAuditTrailRequest>()
            .ShowsItems(ItemKind.Memorandum)
            .WithName("GetMemorandumProgressAsOf")
            .WithSummary("A memorandum's progress view as of a timestamp, replayed from the log · 某一时点的备忘录进展");

        audit.MapGet("/views/memoranda/{id:guid}/progress.csv", GetMemorandumProgressCsvAsync)
            .For<ReadAuditTrailRequest>()
            .ShowsItems(ItemKind.Memorandum)
            .WithName("GetMemorandumProgressAsOfCsv")
            .WithSummary("A memorandum's progress view as of a timestamp, as CSV (one row per commitment) · 备忘录进展 CSV");

        audit.MapGet("/views/overview", GetOverviewAsOfAsync)
            .For<InspectLogRequest>()
            .ShowsItems(ItemKind.DistrictOverview)
            .WithName("GetDistrictOverviewAsOf")
            .WithSummary("The district overview as of a timestamp, replayed through the projections · 某一时点的区级总览");

        audit.MapGet("/views/{view}/{key}", GetViewDocumentAsOfAsync)
            .For<InspectLogRequest>()
            .ShowsItems(null, "office and auditors only: the privileged row")
            .WithName("GetViewDocumentAsOf")
            .WithSummary("Any read-model document as of a timestamp, replayed through the projections · 某一时点的读模型文档");

        audit.MapGet("/export/views/{view}.csv", ExportViewCsvAsync)
            .For<InspectLogRequest>()
            .ShowsItems(null, "office and auditors only: the privileged row")
            .WithName("ExportViewCsv")
            .WithSummary("A read model as CSV, one row per document (live, or as of a timestamp) · 读模型导出 CSV");

        audit.MapGet("/chain/verify", VerifyChainAsync)
            .For<InspectLogRequest>()
            .ShowsItems(null, "hashes and positions only")
            .WithName("VerifyAuditChain")
            .WithSummary("Recompute the hash chain over a range and report the first bad position · 校验哈希链");

        audit.MapGet("/checkpoints/current", CreateCheckpointAsync)
            .For<InspectLogRequest>()
            .ShowsItems(null, "hashes and positions only")
            .WithName("CreateAuditCheckpoint")
            .WithSummary("Sign the chain head as a checkpoint to keep outside the system · 签发外部检查点");

        audit.MapPost("/checkpoints/verify", VerifyCheckpointAsync)
            .For<InspectLogRequest>()
            .WithMetadata(new SafeOperationAttribute())
            .WithName("VerifyAuditCheckpoint")
            .WithSummary("Verify the log against a checkpoint kept earlier · 以外部检查点校验日志");

        audit.MapGet("/checkpoints/public-key", GetPublicKey)
            .For<InspectLogRequest>()
            .ShowsItems(null, "a public key")
            .WithName("GetAuditPublicKey")
            .WithSummary("The public key that verifies checkpoints · 检查点验签公钥");

        audit.MapGet("/export", ExportAsync)
            .For<InspectLogRequest>()
            .ShowsItems(null, "each event judged by its stream")
            .WithName("ExportAuditLog")
            .WithSummary("The log (or a filtered part) as NDJSON with hashes, resumable from a position · 导出日志");

        audit.MapPost("/persons/{id:guid}/erase", ErasePersonAsync)
            .For<ErasePersonRequest>()
            .WithName("ErasePerson")
            .WithSummary("Erase a person's personal data by deleting their key (audited) · 删除个人信息（加密粉碎）");
    }

    private static async Task<Results<Ok<AuditPage>, ReadProblem>> GetEventsAsync(
        HttpContext http, AuditLogReader reader, VisibilityService visibility,
        string? stream, string? module, string? type, string? actor, string? organisation,
        DateTimeOffset? from, DateTimeOffset? to, long? fromPosition, long? toPosition, int? limit)
    {
        var filter = new AuditLogFilter(stream, module, type, actor, organisation, from, to, fromPosition, toPosition);
        var errors = filter.Validate();
        if (limit is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"Between 1 and {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return new ReadProblem(Problems.Validation(errors));
        }

        var page = await reader.ReadPageAsync(filter, ScopeOf(http, visibility), limit ?? 100, ct: http.RequestAborted);
        return TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<IAsyncEnumerable<HistoryStep>>, ReadProblem>> GetHistoryAsync(HttpContext http, AsOfReader reader, IEventStore store, VisibilityService visibility, string stream)
    {
        var verdict = await ScopeOf(http, visibility).VerdictAsync(stream, http.RequestAborted);
        if (verdict.Refused || AggregateFolds.For(stream) is null || await store.ReadStreamRevisionAsync(stream, http.RequestAborted) is null)
        {
            return new ReadProblem(Problems.NotFound());
        }

        return TypedResults.Ok(reader.HistoryAsync(stream, http.RequestAborted, verdict));
    }

    private static async Task<Results<Ok<AggregateAsOf>, ReadProblem>> GetStateAsync(HttpContext http, AsOfReader reader, VisibilityService visibility, string stream, DateTimeOffset? asOf, long? revision)
    {
        if (asOf is not null && revision is not null)
        {
            return new ReadProblem(Problems.Validation(new Dictionary<string, string[]> { ["revision"] = ["Give asOf or revision, not both."] }));
        }

        var verdict = await ScopeOf(http, visibility).VerdictAsync(stream, http.RequestAborted);
        if (verdict.Refused || await reader.StateAsync(stream, new Moment(asOf, revision), http.RequestAborted, verdict) is not { } state)
        {
            return new ReadProblem(Problems.NotFound());
        }

        return TypedResults.Ok(state);
    }

    private static async Task<Results<Ok<StateComparison>, ReadProblem>> GetDiffAsync(
        HttpContext http, AsOfReader reader, VisibilityService visibility, string stream,
        DateTimeOffset? from, DateTimeOffset? to, long? fromRevision, long? toRevision)
    {
        if ((from is not null && fromRevision is not null) || (to is not null && toRevision is not null))
        {
            return new ReadProblem(Problems.Validation(new Dictionary<string, string[]> { ["from"] = ["Give a timestamp or a revision for each end, not both."] }));
        }

        var verdict = await ScopeOf(http, visibility).VerdictAsync(stream, http.RequestAborted);
        if (verdict.Refused
            || await reader.DiffAsync(stream, new Moment(from, fromRevision), new Moment(to, toRevision), http.RequestAborted, verdict) is not { } diff)
        {
            return new ReadProblem(Problems.NotFound());
        }

        return TypedResults.Ok(diff);
    }

    private static async Task<Results<Ok<MemorandumProgressView>, ReadProblem>> GetMemorandumProgressAsync(HttpContext http, MemorandumProgressAsOf views, VisibilityService visibility, Guid id, DateTimeOffset? asOf)
    {
        var memorandum = MemorandumId.From(id);
        if (await HiddenAsync(http, visibility, MemorandumDecider.StreamName(memorandum))
            || await views.ComputeAsync(memorandum, asOf, http.RequestAborted) is not { } view)
        {
            return new ReadProblem(Problems.NotFound());
        }

        return TypedResults.Ok(view);
    }

    private static async Task<Results<TextFile<CsvFormat>, ReadProblem>> GetMemorandumProgressCsvAsync(HttpContext http, MemorandumProgressAsOf views, VisibilityService visibility, Guid id, DateTimeOffset? asOf)
    {
        var memorandum = MemorandumId.From(id);
        if (await HiddenAsync(http, visibility, MemorandumDecider.StreamName(memorandum))
            || await views.ComputeAsync(memorandum, asOf, http.RequestAborted) is not { } view)
        {
            return new ReadProblem(Problems.NotFound());
        }

        return new TextFile<CsvFormat>(MemorandumProgressCsv.Write(view));
    }

    private static async Task<Results<Ok<DistrictOverviewAsOf>, ReadProblem>> GetOverviewAsOfAsync(HttpContext http, ReadModelsAsOf views, TimeProvider time, DateTimeOffset? asOf) =>
        TypedResults.Ok(await views.OverviewAsync(asOf ?? time.GetUtcNow(), http.RequestAborted));

    private static async Task<Results<Ok<ViewDocumentAsOf>, ReadProblem>> GetViewDocumentAsOfAsync(HttpContext http, ReadModelsAsOf views, string view, string key, DateTimeOffset? asOf) =>
        await views.DocumentAsync(view, key, asOf, http.RequestAborted) is { } document ? TypedResults.Ok(document) : new ReadProblem(Problems.NotFound());

    private static async Task<Results<TextFile<CsvFormat>, ReadProblem>> ExportViewCsvAsync(HttpContext http, ReadModelsAsOf replay, IViewReader live, string view, DateTimeOffset? asOf)
    {
        if (!ReadModelsAsOf.IsKnown(view))
        {
            return new ReadProblem(Problems.NotFound());
        }

        var documents = asOf is null ? await live.ListAsync(view, null, http.RequestAborted) : (await replay.ListAsync(view, asOf, http.RequestAborted))!;
        return new TextFile<CsvFormat>((body, ct) => ViewCsv.WriteAsync(body, documents, ct), fileName: $"{view}.csv");
    }

    private static async Task<Results<Ok<ChainVerificationView>, ReadProblem>> VerifyChainAsync(HttpContext http, IEventStore store, long? fromPosition, long? toPosition)
    {
        if (fromPosition is < 1 || (toPosition is { } t && t < (fromPosition ?? 1)))
        {
            return new ReadProblem(Problems.Validation(new Dictionary<string, string[]> { ["fromPosition"] = ["Positions start at 1 and toPosition must not be before fromPosition."] }));
        }

        var result = await store.VerifyAsync(fromPosition ?? 1, toPosition, http.RequestAborted);
        return TypedResults.Ok(new ChainVerificationView(
            result.IsValid, result.CheckedFrom, result.CheckedTo, result.FirstBadPosition, result.Reason, Convert.ToHexStringLower(result.LastHash.Span)));
    }

    private static async Task<Results<Ok<AuditCheckpoint>, ReadProblem>> CreateCheckpointAsync(HttpContext http, IEventStore store, CheckpointSigner signer, TimeProvider time)
    {
        var head = await store.ReadChainHeadAsync(http.RequestAborted);
        return TypedResults.Ok(signer.Sign(head, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<CheckpointVerification>, ReadProblem>> VerifyCheckpointAsync(HttpContext http, AuditCheckpoint checkpoint, IEventStore store, CheckpointSigner signer) =>
        TypedResults.Ok(await CheckpointVerifier.VerifyAsync(store, signer, checkpoint, ct: http.RequestAborted));

    private static async Task<Results<TextFile<NdjsonFormat>, ReadProblem>> ExportAsync(
        HttpContext http, VisibilityService visibility, AuditLogReader reader,
        string? stream, string? module, string? type, string? actor, string? organisation,
        DateTimeOffset? from, DateTimeOffset? to, long? fromPosition, long? toPosition)
    {
        var filter = new AuditLogFilter(stream, module, type, actor, organisation, from, to, fromPosition, toPosition);
        var errors = filter.Validate();
        if (errors.Count > 0)
        {
            return new ReadProblem(Problems.Validation(errors));
        }

        var scope = ScopeOf(http, visibility);
        return new TextFile<NdjsonFormat>((body, ct) => NdjsonExport.WriteAsync(body, reader.ReadVisibleAsync(filter, scope, ct), ct: ct));
    }

    private static Results<TextFile<PemFormat>, ReadProblem> GetPublicKey(CheckpointSigner signer) => new TextFile<PemFormat>(signer.PublicKeyPem);

    private static async Task<Results<Ok<PersonErasure>, WriteProblem>> ErasePersonAsync(HttpContext http, Guid id, ErasePersonBody body, PersonalDataEraser eraser)
    {
        if (RequestCaller.Of(http) is not { } caller)
        {
            return new WriteProblem(Problems.Forbidden("The token carries no usable role."));
        }

        if (body.Reason is not { Length: >= 3 and <= 500 })
        {
            return new WriteProblem(Problems.Validation(new Dictionary<string, string[]> { ["reason"] = ["Between 3 and 500 characters."] }));
        }

        var commandId = Guid.CreateVersion7();
        var metadata = new EventMetadata(caller.Id, caller.Role.ToString().ToLowerInvariant(), caller.Organisation?.ToString(),
            http.Request.Headers["X-Correlation-Id"] is { Count: > 0 } c && Guid.TryParse(c[0], out var correlation) ? correlation : commandId, commandId, commandId);
        return TypedResults.Ok(await eraser.EraseAsync(PersonId.From(id), body.Reason, metadata, http.RequestAborted));
    }

    private static VisibilityScope ScopeOf(HttpContext http, VisibilityService visibility) => visibility.For(RequestCaller.Of(http));

    private static async Task<bool> HiddenAsync(HttpContext http, VisibilityService visibility, string stream) =>
        !await ScopeOf(http, visibility).CanSeeAsync(stream, http.RequestAborted);
}

using Collaboration.Api.Application;
using Collaboration.Api.Dashboard;
using Collaboration.Api.Modules.Views;
using Collaboration.Api.Live;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.MemorandumProgress;

namespace Collaboration.Api.Portal;

/// <summary>A published memorandum's page: the report for today, built from approved figures only.</summary>
public sealed record PortalMemorandum(Guid Id, MemorandumProgressReport Report, ViewDoc Header);

/// <summary>
/// What the portal shows, read as <see cref="Caller.Anonymous"/> through <see cref="IViewQueries"/> and
/// <see cref="MemorandumProgressReports"/> — the same doors as every other read — so the visibility policy's public row alone decides what is here. Nothing in the portal
/// filters by status, stage or flag: an item the policy does not give the public is simply not in these answers.
/// </summary>
public sealed class PortalReader(IViewQueries views, MemorandumProgressReports progress, TimeProvider time)
{
    public DateOnly Today => DistrictTime.Today(time);

    /// <summary>The memoranda list documents the public may see, by title.</summary>
    public async Task<IReadOnlyList<ViewDoc>> MemorandaAsync(CancellationToken ct) =>
        [.. (await views.ListAsync(Caller.Anonymous, ViewNames.Memoranda, ct)).Where(d => !d.Removed).Select(d => ViewDoc.Of(d.Data))];

    /// <summary>One memorandum's progress, or null when it does not exist or is not public (the two are not told apart).</summary>
    public async Task<PortalMemorandum?> MemorandumAsync(Guid id, CancellationToken ct)
    {
        if (await progress.ReadAsync(Caller.Anonymous, MemorandumId.From(id), Today, ct) is not { } read)
        {
            return null;
        }

        var header = await views.GetAsync(Caller.Anonymous, ViewNames.Memoranda, id.ToString("D"), ct);
        return new PortalMemorandum(id, read.Report, header is { Removed: false } ? ViewDoc.Of(header.Data) : default);
    }

    public async Task<IReadOnlyList<ViewDoc>> PoliciesAsync(CancellationToken ct) =>
        [.. (await views.ListAsync(Caller.Anonymous, ViewNames.Policies, ct)).Where(d => !d.Removed).Select(d => ViewDoc.Of(d.Data))];

    /// <summary>The publicity points, by Chinese name; withdrawn ones stay listed, marked (as retired policies do).</summary>
    public async Task<IReadOnlyList<ViewDoc>> PublicityPointsAsync(CancellationToken ct) =>
        [.. (await views.ListAsync(Caller.Anonymous, ViewNames.PublicityPoints, ct))
            .Where(d => !d.Removed)
            .Select(d => ViewDoc.Of(d.Data))
            .OrderBy(d => d["details"]["name"]["zh"].String, StringComparer.Ordinal)];

    /// <summary>Published answers, newest first.</summary>
    public async Task<IReadOnlyList<ViewDoc>> AnswersAsync(CancellationToken ct) =>
        [.. (await views.ListAsync(Caller.Anonymous, ViewNames.FeedbackBoard, ct))
            .Where(d => !d.Removed)
            .Select(d => ViewDoc.Of(d.Data))
            .OrderByDescending(d => d["reply.answeredOn"].Date)
            .ThenBy(d => d["item.feedback"].String, StringComparer.Ordinal)];
}

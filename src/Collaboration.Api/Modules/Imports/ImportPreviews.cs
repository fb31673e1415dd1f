using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// Previews waiting for confirmation, in the distributed cache: a preview is a dry run, so it is not a fact for the log,
/// but in a cluster the confirmation may reach another node than the upload did. One node keeps them in memory (bounded
/// in bytes by the memory cache's size limit); a cluster with <c>ConnectionStrings:Redis</c> keeps them in Redis
/// (ADR 0029). Only the caller who uploaded may confirm; one lives <see cref="ImportLimits.PreviewLifetime"/>.
/// </summary>
public sealed class ImportPreviews(IDistributedCache cache, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ImportPreview> HoldAsync(string callerId, ImportPreview preview, IReadOnlyList<ImportSourceRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var held = JsonSerializer.SerializeToUtf8Bytes(new HeldPreview(callerId, preview, rows), Json);
        await cache.SetAsync(Key(preview.Preview), held, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = ImportLimits.PreviewLifetime }, ct);
        return preview;
    }

    public async Task<HeldPreview?> FindAsync(Guid id, string callerId, CancellationToken ct)
    {
        if (await cache.GetAsync(Key(id), ct) is not { } bytes)
        {
            return null;
        }

        // The cache's own expiry runs on the wall clock; the preview's stated expiry is the one callers were told.
        var held = JsonSerializer.Deserialize<HeldPreview>(bytes, Json);
        return held is not null && held.CallerId == callerId && held.Preview.ExpiresAt > time.GetUtcNow() ? held : null;
    }

    public Task ForgetAsync(Guid id, CancellationToken ct) => cache.RemoveAsync(Key(id), ct);

    private static string Key(Guid id) => "import-preview:" + id.ToString("N");
}

/// <summary>A preview and the rows it was made from, so a confirmation can plan them again against the log as it is then.</summary>
public sealed record HeldPreview(string CallerId, ImportPreview Preview, IReadOnlyList<ImportSourceRow> Rows);

using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using Collaboration.Api.Application;
using Collaboration.Projections.MemorandumProgress;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Collaboration.Api.Modules.Views;

/// <summary>
/// The last progress report composed for each memorandum, with its JSON body, reused while the stored document and the
/// day are the same. A memorandum's progress is read far more often than it changes, and composing it (every commitment
/// as a line on today's date, the roll-ups) and serialising it (it grows with the memorandum's commitments) was most of
/// the read. "The same document" is the very instance <see cref="Visibility.DocumentVisibility"/> hands every reader of
/// the same stored text (reference equality: a changed text is parsed into a new instance, so a stale report is never
/// served); a copy redacted for one viewer is composed for that reader alone and not kept. The visibility policy still
/// decides every read before this is asked.
/// </summary>
public sealed class PreparedProgressReports(IOptions<JsonOptions> json)
{
    // A district has a handful of memoranda; the bound only keeps unknown keys from growing the map.
    private const int Capacity = 256;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The report on <paramref name="today"/> of <paramref name="document"/> and its body; kept for the next reader when <paramref name="shared"/>.</summary>
    public (MemorandumProgressReport Report, PreparedJson Json) On(MemorandumProgressDocument document, DateOnly today, bool shared)
    {
        ArgumentNullException.ThrowIfNull(document);
        var key = document.Memorandum.ToString();
        if (shared && entries.TryGetValue(key, out var known) && ReferenceEquals(known.Document, document) && known.Today == today)
        {
            return (known.Report, known.Json);
        }

        var report = MemorandumProgressReport.On(document, today);
        var body = PreparedJson.Of(report, (JsonTypeInfo<MemorandumProgressReport>)json.Value.SerializerOptions.GetTypeInfo(typeof(MemorandumProgressReport)));
        if (shared)
        {
            if (entries.Count >= Capacity)
            {
                entries.Clear();
            }

            entries[key] = new Entry(document, today, report, body);
        }

        return (report, body);
    }

    private sealed record Entry(MemorandumProgressDocument Document, DateOnly Today, MemorandumProgressReport Report, PreparedJson Json);
}

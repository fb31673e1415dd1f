using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Collaboration.Api.Live;

namespace Collaboration.Bench.Live;

/// <summary>
/// Every client's <c>ViewChanged</c> handler: stamps the arrival, recognises the current phase's marker (the partner's
/// English name for commands, the key for baseline sends) and tells that phase's recorder. Other changes (the
/// activity line each command also produces, earlier phases' stragglers) are ignored.
/// </summary>
internal sealed class ChangeRouter
{
    public const string BaselineView = "bench-baseline";

    private LatencyRecorder? current;

    public LatencyRecorder? Current
    {
        get => Volatile.Read(ref current);
        set => Volatile.Write(ref current, value);
    }

    public void Handle(int client, ViewChange change)
    {
        var arrived = Stopwatch.GetTimestamp();
        if (Current is not { } recorder)
        {
            return;
        }

        var marker = change.View switch
        {
            ViewNames.Partners when change.Data.ValueKind == JsonValueKind.Object
                && change.Data.TryGetProperty("name", out var name) && name.TryGetProperty("en", out var en) => en.GetString(),
            BaselineView => change.Key,
            _ => null,
        };
        if (marker is not null && marker.Length > recorder.Tag.Length + 1 && marker.StartsWith(recorder.Tag, StringComparison.Ordinal)
            && marker[recorder.Tag.Length] == ':'
            && int.TryParse(marker.AsSpan(recorder.Tag.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            recorder.Received(client, seq, arrived);
        }
    }
}

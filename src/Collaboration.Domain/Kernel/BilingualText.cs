using System.Text.Json.Serialization;

namespace Collaboration.Domain.Kernel;

/// <summary>
/// Text that users see, in Chinese and English. A missing translation is allowed (the district
/// often publishes the Chinese first) but it stays visible: <see cref="IsComplete"/> is false and
/// <see cref="In"/> falls back to the other language with a marker.
/// </summary>
public sealed record BilingualText(string? Zh = null, string? En = null)
{
    public static BilingualText Both(string zh, string en) => new(zh, en);

    [JsonIgnore]
    public bool IsEmpty => string.IsNullOrWhiteSpace(Zh) && string.IsNullOrWhiteSpace(En);

    [JsonIgnore]
    public bool IsComplete => !string.IsNullOrWhiteSpace(Zh) && !string.IsNullOrWhiteSpace(En);

    /// <summary>The text in <paramref name="language"/>, or the other language marked as untranslated.</summary>
    public string In(Language language)
    {
        var (wanted, other, otherTag) = language == Language.Zh ? (Zh, En, "EN") : (En, Zh, "中文");
        if (!string.IsNullOrWhiteSpace(wanted))
        {
            return wanted;
        }

        return string.IsNullOrWhiteSpace(other) ? string.Empty : $"[{otherTag}] {other}";
    }

    public override string ToString() => $"{Zh} / {En}";
}

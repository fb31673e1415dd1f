using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Collaboration.EventStore;

/// <summary>How the log writes text inside event data and metadata.</summary>
public static class EventJson
{
    /// <summary>
    /// Every script as UTF-8, not as <c>\uXXXX</c> escapes: the default encoder spells each Chinese character in six
    /// bytes instead of three, so a bilingual event was up to twice its size in the log, in every page written, read and
    /// hashed, and an auditor reading a row saw escapes instead of the text. Characters that are sensitive in HTML
    /// (<c>&lt; &gt; &amp; '</c>) and characters outside the basic multilingual plane are still escaped, as before.
    /// Only what is written changes: events stored with escapes read back to the same values.
    /// </summary>
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);
}

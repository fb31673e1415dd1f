using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Collaboration.EventStore;

/// <summary>How every JSON the tracker writes carries text: events, read-model documents, API replies, audit documents.</summary>
public static class JsonText
{
    /// <summary>
    /// Every script as UTF-8, not as <c>\uXXXX</c> escapes: the default encoder spells each Chinese character in six
    /// bytes instead of three, so bilingual text was up to twice its size in the log, in the read models and on the
    /// wire, and whoever read the JSON (an auditor reading a row, a developer of a partner's system reading a reply) saw
    /// escapes instead of the text. Characters that are sensitive in HTML (<c>&lt; &gt; &amp; '</c>) and characters
    /// outside the basic multilingual plane are still escaped, as before. Only what is written changes: JSON written
    /// with escapes reads back to the same values.
    /// </summary>
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);
}

namespace Collaboration.Domain.Partners;

/// <summary>
/// External references come from spreadsheets and other systems with stray spaces and mixed case;
/// uniqueness is on the normalised form, which is also safe inside a stream name.
/// </summary>
public static class PartnerReference
{
    public const int MaxLength = 100;

    /// <summary>Trimmed, lower-case (invariant), inner whitespace runs replaced by one '-'.</summary>
    public static string Normalise(string reference)
    {
        var parts = reference.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join('-', parts).ToLowerInvariant();
    }

    public static bool IsValid(string normalised) =>
        normalised.Length is > 0 and <= MaxLength
        && normalised.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':');
}

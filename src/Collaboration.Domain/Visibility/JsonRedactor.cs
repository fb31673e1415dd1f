using System.Text.Json.Nodes;

namespace Collaboration.Domain.Visibility;

/// <summary>
/// Applies a <see cref="Verdict"/> to the JSON of an item — an event, a derived state, a read-model document — in place.
/// A withheld value is replaced by <see cref="Withheld"/>, never dropped, so an auditor-style reader sees that something
/// is there and that it is not theirs. The shapes are the domain's own records in web JSON (camelCase); the walk is
/// by kind, so a field of the same name in another kind of item is left alone.
/// </summary>
public static class JsonRedactor
{
    public const string Withheld = "[withheld]";

    /// <summary>Redacts <paramref name="node"/> in place and returns it (null stays null).</summary>
    public static JsonNode? Apply(JsonNode? node, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (node is null || verdict.Viewer.IsPrivileged)
        {
            return node;
        }

        Walk(node, verdict, verdict.Facts.Owner);
        return node;
    }

    /// <summary>
    /// False when no field of <paramref name="kind"/> that the policy can withhold occurs in <paramref name="json"/> at all,
    /// so a hot path (a pushed progress document) can skip parsing it. True says only "look closer".
    /// </summary>
    public static bool MayWithhold(ItemKind kind, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return kind switch
        {
            ItemKind.TalentCase => json.Contains("\"email\"", StringComparison.Ordinal) || json.Contains("\"phone\"", StringComparison.Ordinal)
                                   || json.Contains("\"text\"", StringComparison.Ordinal),
            ItemKind.Memorandum => json.Contains("\"party\"", StringComparison.Ordinal),
            ItemKind.Commitment => json.Contains("\"narrative\"", StringComparison.Ordinal) || json.Contains("\"reason\"", StringComparison.Ordinal),
            ItemKind.Feedback => json.Contains("\"observer\"", StringComparison.Ordinal),
            ItemKind.Partner => json.Contains("\"contacts\"", StringComparison.Ordinal),
            _ => false,
        };
    }

    private static void Walk(JsonNode node, Verdict verdict, Guid? owner)
    {
        switch (node)
        {
            case JsonObject obj:
                owner = GuidOf(obj, "owner") ?? owner;
                foreach (var (_, child) in obj.ToList())
                {
                    if (child is JsonObject or JsonArray)
                    {
                        Walk(child, verdict, owner);
                    }
                }

                // After the children: a map of packages is re-keyed once its withheld entries are known.
                RedactObject(obj, verdict, owner);
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is JsonObject or JsonArray)
                    {
                        Walk(child, verdict, owner);
                    }
                }

                break;
        }
    }

    private static void RedactObject(JsonObject obj, Verdict verdict, Guid? owner)
    {
        switch (verdict.Kind)
        {
            case ItemKind.TalentCase:
                // PersonalDetails: the name is shown to whoever sees the case, the contact details are not.
                if (obj.ContainsKey("fullName") && !verdict.ShowsTalentContact)
                {
                    Withhold(obj, "email", "phone");
                }

                // PersonalNote: an officer's free text about the person.
                if (obj.ContainsKey("person") && obj.ContainsKey("text") && !verdict.ShowsCaseNotes)
                {
                    Withhold(obj, "text");
                }

                break;
            case ItemKind.Memorandum:
                if (obj.ContainsKey("party") && (obj.ContainsKey("package") || obj.ContainsKey("policies")) && GuidOf(obj, "party") is { } party
                    && !verdict.ShowsPackageOf(party))
                {
                    Withhold(obj, "package", "id", "policies", "deliveredOn", "acknowledgedBy", "isAcknowledged");
                }

                if (obj["packages"] is JsonObject packages)
                {
                    RenameWithheldKeys(packages);
                }

                break;
            case ItemKind.Commitment:
                if (obj.ContainsKey("narrative") || (obj.ContainsKey("report") && obj.ContainsKey("reason")))
                {
                    var approved = string.Equals(obj["status"]?.GetValue<string>(), "Approved", StringComparison.Ordinal)
                                   || (GuidOf(obj, "report") is { } report && verdict.Facts.ApprovedReports.Contains(report));
                    if (!verdict.ShowsReport(owner, approved))
                    {
                        Withhold(obj, "narrative", "percent", "returnReason", "reason", "submittedBy");
                    }
                }

                break;
            case ItemKind.Feedback:
                if (GuidOf(obj, "observer") is { } observer && !verdict.ShowsObserver(observer))
                {
                    Withhold(obj, "observer");
                }

                break;
            case ItemKind.Partner:
                if (obj["contacts"] is JsonArray { Count: > 0 } && (verdict.Facts.Owner ?? GuidOf(obj, "partner") ?? GuidOf(obj, "id")) is var partner
                    && (partner is null || !verdict.ShowsPartnerContacts(partner.Value)))
                {
                    Withhold(obj, "contacts");
                }

                break;
        }
    }

    /// <summary>A map keyed by package id: an entry whose value was withheld must not keep its id as the key.</summary>
    private static void RenameWithheldKeys(JsonObject map)
    {
        var entries = map.ToList();
        if (!entries.Exists(e => e.Value is JsonObject o && IsWithheld(o["package"] ?? o["id"])))
        {
            return;
        }

        map.Clear();
        var hidden = 0;
        foreach (var (key, value) in entries)
        {
            map[value is JsonObject o && IsWithheld(o["package"] ?? o["id"]) ? $"{Withheld} {++hidden}" : key] = value;
        }
    }

    private static void Withhold(JsonObject obj, params string[] names)
    {
        foreach (var name in names)
        {
            if (obj.TryGetPropertyValue(name, out var value) && value is not null)
            {
                obj[name] = Withheld;
            }
        }
    }

    private static bool IsWithheld(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s == Withheld;

    private static Guid? GuidOf(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue<string>(out var s) && Guid.TryParse(s, out var g) ? g : null;
}

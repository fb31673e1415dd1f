using System.Text.Json.Nodes;

namespace Collaboration.Audit;

/// <summary>Compares two JSON pictures of state property by property, down to leaves (arrays by index).</summary>
public static class StateDiff
{
    public static IReadOnlyList<StateChange> Between(JsonNode? before, JsonNode? after)
    {
        var left = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var right = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        Flatten(before, "$", left);
        Flatten(after, "$", right);
        var changes = new List<StateChange>();
        foreach (var (path, value) in left)
        {
            if (!right.TryGetValue(path, out var other))
            {
                changes.Add(new(path, value?.DeepClone(), null));
            }
            else if (!JsonNode.DeepEquals(value, other))
            {
                changes.Add(new(path, value?.DeepClone(), other?.DeepClone()));
            }
        }

        foreach (var (path, value) in right)
        {
            if (!left.ContainsKey(path))
            {
                changes.Add(new(path, null, value?.DeepClone()));
            }
        }

        return changes;
    }

    private static void Flatten(JsonNode? node, string path, Dictionary<string, JsonNode?> into)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (name, child) in obj)
                {
                    Flatten(child, $"{path}.{name}", into);
                }

                break;
            case JsonArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten(array[i], $"{path}[{i}]", into);
                }

                break;
            case null:
                break;
            default:
                into[path] = node;
                break;
        }
    }
}

using System.Text.Json;
using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Projections.Running;

namespace Collaboration.Api.Modules.Views;

/// <summary>Typed reads of read-model documents through the caller's scope.</summary>
internal static class ViewDocuments
{
    public static async Task<List<T>> ListAsync<T>(this IViewQueries queries, Caller caller, string view, CancellationToken ct) =>
        [.. (await queries.ListAsync(caller, view, ct)).Select(Typed<T>)];

    public static Task<List<T>> ListForAsync<T>(this IViewReader reader, string audience, string view, CancellationToken ct) =>
        reader.ListTypedAsync<T>(view, new HashSet<string>(StringComparer.Ordinal) { audience }, ct);

    /// <summary>Every document of a view that one of <paramref name="audiences"/> may see (all when null), typed.</summary>
    public static async Task<List<T>> ListTypedAsync<T>(this IViewReader reader, string view, IReadOnlySet<string>? audiences, CancellationToken ct) =>
        [.. (await reader.ListAsync(view, audiences, ct)).Select(s => ViewJson.Deserialize<T>(s.Json!)!)];

    public static T Typed<T>(ViewChange change) => change.Data.Deserialize<T>(ViewJson.Options)!;

    /// <summary>Parses an optional filter of one or more enum names separated by commas; adds a field error for one that is not known.</summary>
    public static IReadOnlyList<TEnum>? ParseFilters<TEnum>(string? value, string field, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parsed = new List<TEnum>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ParseFilter<TEnum>(part, field, errors) is { } one)
            {
                parsed.Add(one);
            }
        }

        return errors.ContainsKey(field) ? null : parsed;
    }

    /// <summary>Parses an optional enum filter; adds a field error when it is not a known name.</summary>
    public static TEnum? ParseFilter<TEnum>(string? value, string field, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors[field] = [$"'{value}' is not one of: {string.Join(", ", Enum.GetNames<TEnum>())}."];
        return null;
    }
}

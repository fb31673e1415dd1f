using Collaboration.Domain.Kernel;
using Collaboration.Projections.Storage;

namespace Collaboration.Api.Modules.Views.Paging;

/// <summary>
/// The sorts one list offers: a small set of names, each a string field of its documents (an index per field in the store),
/// ascending by name, descending with <c>-</c> before it; the document key breaks ties.
/// </summary>
public sealed class ListSorts(string list, string defaultSort, IReadOnlyDictionary<string, string> fields)
{
    public string List => list;

    public string Default => defaultSort;

    /// <summary>Every accepted value of <c>sort</c>, for messages and the OpenAPI description.</summary>
    public IEnumerable<string> Names => fields.Keys.SelectMany(n => new[] { n, "-" + n });

    /// <summary>Checks the request's limit, sort and cursor; the paging to read with, or the 400 to answer.</summary>
    public Paging? Resolve(PageRequest request, out DomainError? error)
    {
        ArgumentNullException.ThrowIfNull(request);
        error = null;
        var limit = request.Limit ?? PageRequest.DefaultLimit;
        if (limit is < 1 or > PageRequest.MaxLimit)
        {
            error = PageErrors.LimitOutOfRange(limit);
            return null;
        }

        var sortName = string.IsNullOrWhiteSpace(request.Sort) ? defaultSort : request.Sort.Trim();
        var descending = sortName.StartsWith('-');
        if (!fields.TryGetValue(descending ? sortName[1..] : sortName, out var field))
        {
            error = PageErrors.SortUnknown(sortName, Names);
            return null;
        }

        ViewCursor? after = null;
        if (!string.IsNullOrEmpty(request.After) && (after = ListCursor.Decode(request.After, list, sortName)) is null)
        {
            error = PageErrors.CursorInvalid();
            return null;
        }

        return new Paging(list, sortName, new ViewSort(field, descending), after, limit);
    }
}

/// <summary>A list request's checked paging: the sort to read in, where to start and how many to take.</summary>
public sealed record Paging(string List, string SortName, ViewSort Sort, ViewCursor? After, int Limit)
{
    public string Cursor(ViewCursor position) => ListCursor.Encode(List, SortName, position);
}

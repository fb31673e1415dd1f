using Collaboration.Api.Modules.Views.Paging;
using MudBlazor;

namespace Collaboration.Api.Dashboard;

/// <summary>
/// Feeds a <see cref="MudTable{T}"/>'s server data from a list that pages by cursor: it remembers the cursor that starts
/// each page seen so far (per page size), so the pager's next and previous are one request each; a jump past them walks
/// forward from the last one known. <see cref="Reset"/> when the filters change.
/// </summary>
public sealed class ServerPages
{
    private readonly Dictionary<int, string?> _starts = new() { [0] = null };
    private int _pageSize;

    public void Reset()
    {
        _starts.Clear();
        _starts[0] = null;
    }

    /// <summary>The table's page: <paramref name="read"/> is asked for (limit, after) and answers the list's page or null (refused).</summary>
    public async Task<TableData<TRow>> LoadAsync<TItem, TRow>(TableState state, Func<PageRequest, Task<ListPage<TItem>?>> read, Func<TItem, TRow> row)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(row);
        if (state.PageSize != _pageSize)
        {
            Reset();
            _pageSize = state.PageSize;
        }

        var known = _starts.Keys.Where(k => k <= state.Page).Max();
        var after = _starts[known];
        ListPage<TItem>? page = null;
        for (var index = known; index <= state.Page; index++)
        {
            page = await read(new PageRequest(state.PageSize, after));
            if (page is null)
            {
                return new TableData<TRow> { Items = [], TotalItems = 0 };
            }

            _starts[index] = after;
            after = page.Next;
            if (after is null)
            {
                break;
            }

            _starts[index + 1] = after;
        }

        return new TableData<TRow> { Items = [.. page!.Items.Select(row)], TotalItems = (int)Math.Min(page.Total, int.MaxValue) };
    }
}

using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Views.Paging;
using Collaboration.Domain.Memoranda;
using Collaboration.Projections.Storage;
using Collaboration.Projections.Catalogue;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>Memorandum list filters: <c>Status</c> is a <see cref="MemorandumStatus"/> name.</summary>
public sealed record MemorandumFilter(string? Status);

/// <summary>Memoranda: all for office and auditors, the ones it is party to for a partner.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record ListMemorandaRequest(Caller Caller, MemorandumFilter? Filter = null, PageRequest? Page = null) : IRead<ListPage<MemorandumListItem>>;

public sealed class ListMemorandaHandler(IViewQueries queries) : IQueryHandler<ListMemorandaRequest, QueryOutcome<ListPage<MemorandumListItem>>>
{
    /// <summary>By the start of the term (the default) or by Chinese title.</summary>
    public static ListSorts Sorts { get; } = new("memoranda", "termStart", new Dictionary<string, string> { ["termStart"] = "termStart", ["title"] = "title.zh" });

    public async ValueTask<QueryOutcome<ListPage<MemorandumListItem>>> Handle(ListMemorandaRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var status = ViewDocuments.ParseFilter<MemorandumStatus>(request.Filter?.Status, "status", errors);
        if (errors.Count > 0)
        {
            return QueryOutcome<ListPage<MemorandumListItem>>.Invalid(errors);
        }

        if (Sorts.Resolve(request.Page ?? PageRequest.First, out var refused) is not { } paging)
        {
            return QueryOutcome<ListPage<MemorandumListItem>>.Rejected(refused!);
        }

        ViewFilter[] filters = status is { } s ? [ViewFilter.AnyOf("status", s.ToString())] : [];
        return QueryOutcome<ListPage<MemorandumListItem>>.Of(
            await queries.ReadAsync(request.Caller, ViewNames.Memoranda, paging, filters, ViewDocuments.Typed<MemorandumListItem>, cancellationToken));
    }
}

using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Views.Paging;
using Collaboration.Domain.Policies;
using Collaboration.Projections.Storage;
using Collaboration.Projections.Catalogue;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>Policy list filters: <c>Category</c> is a <see cref="PolicyCategory"/> name.</summary>
public sealed record PolicyFilter(string? Category);

/// <summary>Every published or retired policy.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner, CallerRole.Observer)]
public sealed record ListPoliciesRequest(Caller Caller, PolicyFilter? Filter = null, PageRequest? Page = null) : IRead<ListPage<PolicyListItem>>;

public sealed class ListPoliciesHandler(IViewQueries queries) : IQueryHandler<ListPoliciesRequest, QueryOutcome<ListPage<PolicyListItem>>>
{
    /// <summary>By Chinese title (the default) or by category.</summary>
    public static ListSorts Sorts { get; } = new("policies", "title", new Dictionary<string, string> { ["title"] = "content.title.zh", ["category"] = "content.category" });

    public async ValueTask<QueryOutcome<ListPage<PolicyListItem>>> Handle(ListPoliciesRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var category = ViewDocuments.ParseFilter<PolicyCategory>(request.Filter?.Category, "category", errors);
        if (errors.Count > 0)
        {
            return QueryOutcome<ListPage<PolicyListItem>>.Invalid(errors);
        }

        if (Sorts.Resolve(request.Page ?? PageRequest.First, out var refused) is not { } paging)
        {
            return QueryOutcome<ListPage<PolicyListItem>>.Rejected(refused!);
        }

        ViewFilter[] filters = category is { } c ? [ViewFilter.AnyOf("content.category", c.ToString())] : [];
        return QueryOutcome<ListPage<PolicyListItem>>.Of(
            await queries.ReadAsync(request.Caller, ViewNames.Policies, paging, filters, ViewDocuments.Typed<PolicyListItem>, cancellationToken));
    }
}

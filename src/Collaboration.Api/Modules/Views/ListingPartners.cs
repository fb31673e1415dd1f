using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Views.Paging;
using Collaboration.Domain.Partners;
using Collaboration.Projections.Storage;
using Collaboration.Projections.Catalogue;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>Partner list filters: <c>Kind</c> is a <see cref="PartnerKind"/> name.</summary>
public sealed record PartnerFilter(string? Kind);

/// <summary>Every partner organisation (names and kinds only; contacts stay on the single-partner read).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner, CallerRole.Observer)]
public sealed record ListPartnersRequest(Caller Caller, PartnerFilter? Filter = null, PageRequest? Page = null) : IRead<ListPage<PartnerListItem>>;

public sealed class ListPartnersHandler(IViewQueries queries) : IQueryHandler<ListPartnersRequest, QueryOutcome<ListPage<PartnerListItem>>>
{
    /// <summary>By Chinese name (the default) or by kind.</summary>
    public static ListSorts Sorts { get; } = new("partners", "name", new Dictionary<string, string> { ["name"] = "name.zh", ["kind"] = "kind" });

    public async ValueTask<QueryOutcome<ListPage<PartnerListItem>>> Handle(ListPartnersRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = ViewDocuments.ParseFilter<PartnerKind>(request.Filter?.Kind, "kind", errors);
        if (errors.Count > 0)
        {
            return QueryOutcome<ListPage<PartnerListItem>>.Invalid(errors);
        }

        if (Sorts.Resolve(request.Page ?? PageRequest.First, out var refused) is not { } paging)
        {
            return QueryOutcome<ListPage<PartnerListItem>>.Rejected(refused!);
        }

        ViewFilter[] filters = kind is { } k ? [ViewFilter.AnyOf("kind", k.ToString())] : [];
        return QueryOutcome<ListPage<PartnerListItem>>.Of(
            await queries.ReadAsync(request.Caller, ViewNames.Partners, paging, filters, ViewDocuments.Typed<PartnerListItem>, cancellationToken));
    }
}

using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Projections.Running;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>The newest activity the caller may see, newest first; <c>Limit</c> 1–200 (default 50).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner, CallerRole.Observer)]
public sealed record ListActivityRequest(Caller Caller, int? Limit) : IRead<IReadOnlyList<FeedEntry>>;

public sealed class ListActivityHandler(IViewQueries queries) : IQueryHandler<ListActivityRequest, QueryOutcome<IReadOnlyList<FeedEntry>>>
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    public async ValueTask<QueryOutcome<IReadOnlyList<FeedEntry>>> Handle(ListActivityRequest request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            return QueryOutcome<IReadOnlyList<FeedEntry>>.Invalid(new Dictionary<string, string[]> { ["limit"] = [$"Must be between 1 and {MaxLimit}."] });
        }

        var entries = await queries.LatestAsync(request.Caller, ViewNames.Activity, limit, cancellationToken);
        return QueryOutcome<IReadOnlyList<FeedEntry>>.Of([.. entries.Select(ViewDocuments.Typed<FeedEntry>)]);
    }
}

using Collaboration.Api.Application;
using Collaboration.Api.Modules.Views.Paging;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.MemorandumProgress;

namespace Collaboration.Api.Modules.Views;

/// <summary>A commitment list's focus-area and status filters and its paging, checked once for both commitment lists.</summary>
public sealed record CommitmentListInput(FocusArea? Area, CommitmentStatus? Status, Paging.Paging Paging)
{
    /// <summary>The checked input, or null with the 400 to answer in <paramref name="refused"/>.</summary>
    public static CommitmentListInput? Read(string? focusArea, string? status, PageRequest? page, ListSorts sorts, out QueryOutcome<ListPage<CommitmentLine>>? refused)
    {
        ArgumentNullException.ThrowIfNull(sorts);
        var errors = new Dictionary<string, string[]>();
        var area = ViewDocuments.ParseFilter<FocusArea>(focusArea, "focusArea", errors);
        var parsed = ViewDocuments.ParseFilter<CommitmentStatus>(status, "status", errors);
        if (errors.Count > 0)
        {
            refused = QueryOutcome<ListPage<CommitmentLine>>.Invalid(errors);
            return null;
        }

        if (sorts.Resolve(page ?? PageRequest.First, out var error) is not { } paging)
        {
            refused = QueryOutcome<ListPage<CommitmentLine>>.Rejected(error!);
            return null;
        }

        refused = null;
        return new CommitmentListInput(area, parsed, paging);
    }
}

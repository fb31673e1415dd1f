namespace Collaboration.Projections.Storage;

/// <summary>
/// A total over the documents a <see cref="ViewPageQuery"/> admits: of a numeric field, or of its product with another
/// (<c>weight</c> times <c>approvedProgress</c>). A document whose field is missing or not a number adds nothing. Exact:
/// the stores add decimals, not floating-point numbers, so a total equals the one added up from the documents themselves.
/// </summary>
public sealed record ViewSum(string Field, string? Times = null)
{
    public void Validate()
    {
        ViewFields.ThrowIfNotAPath(Field);
        if (Times is not null)
        {
            ViewFields.ThrowIfNotAPath(Times);
        }
    }

    /// <summary>Throws when a tally's query, group field or sums could not be written into a query as they are (the stores inline them).</summary>
    public static void ValidateTally(ViewPageQuery query, string? groupBy, IReadOnlyList<ViewSum> sums)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(sums);
        query.Validate();
        if (groupBy is not null)
        {
            ViewFields.ThrowIfNotAPath(groupBy);
        }

        foreach (var sum in sums)
        {
            sum.Validate();
        }
    }

    /// <summary>What one document adds (the reference the stores are held to).</summary>
    public decimal Of(string json) => Of(ViewFields.Number(json, Field), Times is null ? 1m : ViewFields.Number(json, Times));

    /// <summary>What a document adds given its field's number and its <see cref="Times"/> field's (1 without one): nothing unless both are numbers.</summary>
    public decimal Of(decimal? value, decimal? times) => value is { } v && times is { } t ? v * t : 0m;
}

namespace Collaboration.Projections.Storage;

/// <summary>
/// A class of documents in a classified tally (<see cref="Running.IViewReader.TallyClassesAsync"/>): those every one of its
/// filters admits and no earlier class took. A memorandum's commitments by status on a day are such classes (overdue, at
/// risk, calm), each a few date comparisons, tallied in one pass over the memorandum instead of one pass per status.
/// </summary>
public sealed record ViewClass(string Name, IReadOnlyList<ViewFilter> Filters)
{
    /// <summary>The one class of a plain tally: every document the query admits.</summary>
    public static ViewClass Everything { get; } = new("", []);

    public bool Admits(string json) => ViewFilter.AllAdmit(Filters, json);

    /// <summary>The index of the first class that admits <paramref name="json"/>, or -1 when none does.</summary>
    public static int Of(IReadOnlyList<ViewClass> classes, string json)
    {
        ArgumentNullException.ThrowIfNull(classes);
        for (var i = 0; i < classes.Count; i++)
        {
            if (classes[i].Admits(json))
            {
                return i;
            }
        }

        return -1;
    }

    public static void Validate(IReadOnlyList<ViewClass> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count == 0 || classes.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != classes.Count)
        {
            throw new ArgumentException("At least one class, each with a name of its own.", nameof(classes));
        }

        foreach (var @class in classes)
        {
            ArgumentNullException.ThrowIfNull(@class);
            foreach (var filter in @class.Filters)
            {
                ViewFields.ThrowIfNotAPath(filter.Field);
            }
        }
    }
}

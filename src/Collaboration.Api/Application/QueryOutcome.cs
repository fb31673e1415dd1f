namespace Collaboration.Api.Application;

/// <summary>What a query found; <c>Revision</c> becomes the ETag when the view is one stream's state.</summary>
public abstract record QueryOutcome<T> : IOutcome<QueryOutcome<T>>
{
    private QueryOutcome()
    {
    }

    public static QueryOutcome<T> Forbidden(string reason) => new Denied(reason);

    public static QueryOutcome<T> Missing() => new NotFound();

    public static QueryOutcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new InvalidInput(errors);

    /// <summary>The query itself is refused (a paging parameter out of range): its own code, not a field list.</summary>
    public static QueryOutcome<T> Rejected(Collaboration.Domain.Kernel.DomainError error) => new Refused(error);

    public static QueryOutcome<T> Of(T value, long? revision = null) => new Found(value, revision);

    /// <summary>Found, with its body already serialised (written as it is, tagged by its bytes, answered 304 to a matching <c>If-None-Match</c>).</summary>
    public static QueryOutcome<T> Of(T value, PreparedJson json) => new Found(value, null) { Json = json };

    public sealed record Found(T Value, long? Revision) : QueryOutcome<T>
    {
        /// <summary><see cref="Value"/> serialised ahead of time, when the query keeps it for other readers.</summary>
        public PreparedJson? Json { get; init; }
    }

    public sealed record NotFound : QueryOutcome<T>;

    public sealed record Denied(string Reason) : QueryOutcome<T>;

    public sealed record Refused(Collaboration.Domain.Kernel.DomainError Error) : QueryOutcome<T>;

    public sealed record InvalidInput(IReadOnlyDictionary<string, string[]> Errors) : QueryOutcome<T>;
}

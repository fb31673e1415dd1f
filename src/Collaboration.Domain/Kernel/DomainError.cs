namespace Collaboration.Domain.Kernel;

/// <summary>
/// A refusal by a decider: a stable machine code (e.g. <c>memorandum.not-draft</c>) and a message in
/// both languages. Mapped to ProblemDetails at the HTTP edge; never thrown.
/// </summary>
public sealed record DomainError(string Code, BilingualText Message, DomainErrorKind Kind = DomainErrorKind.Rule)
{
    public static DomainError Rule(string code, string en, string zh) => new(code, new BilingualText(zh, en), DomainErrorKind.Rule);

    public static DomainError Invalid(string code, string en, string zh) => new(code, new BilingualText(zh, en), DomainErrorKind.Validation);

    public static DomainError NotFound(string code, string en, string zh) => new(code, new BilingualText(zh, en), DomainErrorKind.NotFound);

    public static DomainError Conflict(string code, string en, string zh) => new(code, new BilingualText(zh, en), DomainErrorKind.Conflict);

    public override string ToString() => $"{Code}: {Message.En}";
}

/// <summary>How the edge should report the error: 422 rule, 400 validation, 404 not found, 409 conflict.</summary>
public enum DomainErrorKind
{
    Rule = 1,
    Validation = 2,
    NotFound = 3,
    Conflict = 4,
}

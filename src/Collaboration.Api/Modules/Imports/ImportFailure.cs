using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// Why a whole file or confirmation is refused: an HTTP status, a stable code and the reason in both languages. A 400
/// names the request <paramref name="Field"/> to blame, as every 400 under /api does (the validation problem's errors).
/// </summary>
public sealed record ImportFailure(int Status, string Code, BilingualText Message, IReadOnlyDictionary<string, object?>? Details = null, string Field = "file")
{
    public ImportFailure With(string key, object? value) =>
        this with { Details = new Dictionary<string, object?>(Details ?? new Dictionary<string, object?>()) { [key] = value } };
}

/// <summary>Thrown while a file is read when it cannot be a valid import at all; answered as the failure it carries.</summary>
public sealed class ImportFileRejected(ImportFailure failure) : Exception(failure.Message.En)
{
    public ImportFailure Failure { get; } = failure;
}

using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.Imports;

/// <summary>Why a whole file or confirmation is refused: an HTTP status, a stable code and the reason in both languages.</summary>
public sealed record ImportFailure(int Status, string Code, BilingualText Message, IReadOnlyDictionary<string, object?>? Details = null)
{
    public ImportFailure With(string key, object? value) =>
        this with { Details = new Dictionary<string, object?>(Details ?? new Dictionary<string, object?>()) { [key] = value } };
}

/// <summary>Thrown while a file is read when it cannot be a valid import at all; answered as the failure it carries.</summary>
public sealed class ImportFileRejected(ImportFailure failure) : Exception(failure.Message.En)
{
    public ImportFailure Failure { get; } = failure;
}

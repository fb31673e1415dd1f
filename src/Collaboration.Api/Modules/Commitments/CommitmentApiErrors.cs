using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>Refusals the application adds before the decider runs (a referenced stream that is not there).</summary>
public static class CommitmentApiErrors
{
    public static DomainError MemorandumNotFound { get; } = DomainError.NotFound(
        "commitment.memorandum-not-found", "The memorandum does not exist.", "该备忘录不存在。");
}

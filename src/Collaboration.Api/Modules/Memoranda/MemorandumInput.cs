using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>Input limits shared by the memorandum slices; the business rules themselves stay in the decider.</summary>
public static class MemorandumInput
{
    public static void FocusAreas(string field, IReadOnlyList<FocusArea>? focusAreas, ValidationErrors errors)
    {
        // Only five areas exist; a longer list is a client bug, not a request to weigh.
        if (focusAreas is { Count: > 10 })
        {
            errors.Add(field, "At most 10 focus areas. 最多 10 个合作领域。");
        }
    }

    public static void Reason(BilingualText reason, ValidationErrors errors) =>
        errors.MaxLength("reason.zh", reason.Zh, 2000).MaxLength("reason.en", reason.En, 2000);
}

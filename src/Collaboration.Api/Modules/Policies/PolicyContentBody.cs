using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Policies;

namespace Collaboration.Api.Modules.Policies;

/// <summary>Body of <c>POST /api/v1/policies</c>, and the <c>content</c> of a revision: the entry's content, replaced whole each time.</summary>
/// <param name="Title">Title in Chinese and English.</param>
/// <param name="Summary">What the policy offers and to whom.</param>
/// <param name="IssuingDepartment">e.g. 虹口区就业促进中心 Hongkou Employment Promotion Center.</param>
/// <param name="Category">EntrepreneurshipSubsidy, VocationalTraining, TechnologyEnterpriseRecognition, Talent or Investment.</param>
/// <param name="Link">Absolute http(s) address of the full text, if published online.</param>
public sealed record PolicyContentBody(BilingualText Title, BilingualText Summary, BilingualText IssuingDepartment, PolicyCategory Category, Uri? Link = null)
{
    public PolicyContent ToContent() => new(Title, Summary, IssuingDepartment, Category, Link);

    /// <summary>Lengths only: emptiness, category and link scheme are the decider's rules and answer with its codes.</summary>
    public static void Validate(string prefix, PolicyContentBody content, ValidationErrors errors)
    {
        errors.MaxLength($"{prefix}title.zh", content.Title.Zh, 300).MaxLength($"{prefix}title.en", content.Title.En, 300);
        errors.MaxLength($"{prefix}summary.zh", content.Summary.Zh, 4000).MaxLength($"{prefix}summary.en", content.Summary.En, 4000);
        errors.MaxLength($"{prefix}issuingDepartment.zh", content.IssuingDepartment.Zh, 200)
            .MaxLength($"{prefix}issuingDepartment.en", content.IssuingDepartment.En, 200);
        errors.MaxLength($"{prefix}link", content.Link?.OriginalString, 2000);
    }
}

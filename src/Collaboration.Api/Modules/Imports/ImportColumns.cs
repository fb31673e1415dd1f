using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.Imports;

/// <summary>The columns of each kind of import sheet, in template order.</summary>
public static class ImportColumns
{
    public const string Reference = "externalReference";
    public const string Kind = "kind";
    public const string NameZh = "nameZh";
    public const string NameEn = "nameEn";
    public const string Memorandum = "memorandum";
    public const string Owner = "owner";
    public const string FocusArea = "focusArea";
    public const string DescriptionZh = "descriptionZh";
    public const string DescriptionEn = "descriptionEn";
    public const string DueDate = "dueDate";
    public const string Weight = "weight";

    private static readonly ImportColumn ReferenceColumn = new(Reference, "外部编号*", "External reference*", true, BilingualText.Both(
        "每行唯一的编号（如统一社会信用代码或台账序号）；再次导入时按此编号更新，不会重复新增。字母、数字或 - _ . / :。",
        "Unique key of the row (e.g. unified social credit code or ledger number); a re-import updates by it and never adds twice. Letters, digits or - _ . / :."));

    public static IReadOnlyList<ImportColumn> Partners { get; } =
    [
        ReferenceColumn,
        new(Kind, "类型*", "Kind*", true, BilingualText.Both(
            "商会、行业协会、产业园区、企业、政府部门（或英文 ChamberOfCommerce、IndustryAssociation、IndustrialPark、Enterprise、GovernmentDepartment）",
            "ChamberOfCommerce, IndustryAssociation, IndustrialPark, Enterprise, GovernmentDepartment (or the Chinese names)")),
        new(NameZh, "中文名称", "Name (Chinese)", false, BilingualText.Both("至多200字；中英文名称至少填一项。", "At most 200 characters; give at least one of the two names.")),
        new(NameEn, "英文名称", "Name (English)", false, BilingualText.Both("至多200字。", "At most 200 characters.")),
    ];

    public static IReadOnlyList<ImportColumn> Commitments { get; } =
    [
        ReferenceColumn with
        {
            Hint = BilingualText.Both(
                "承诺事项在该备忘录内唯一的编号；再次导入时按此编号识别，不会重复新增。",
                "Key of the commitment, unique within its memorandum; a re-import recognises it by this key and never adds it twice."),
        },
        new(Memorandum, "备忘录编号*", "Memorandum id*", true, BilingualText.Both("已签署备忘录的编号（GUID）。", "Id (GUID) of the signed memorandum.")),
        new(Owner, "责任单位*", "Owner*", true, BilingualText.Both(
            "责任单位的外部编号（或其编号 GUID）；须为备忘录签约方。", "The owner partner's external reference (or its id); a party to the memorandum.")),
        new(FocusArea, "合作领域*", "Focus area*", true, BilingualText.Both(
            "高层次人才服务、内资招商、外资招商、园区产业政策落地、政策宣传（或英文 HighLevelTalentServices、DomesticInvestmentPromotion、ForeignInvestmentPromotion、ParkIndustrialPolicy、PolicyPublicity）",
            "HighLevelTalentServices, DomesticInvestmentPromotion, ForeignInvestmentPromotion, ParkIndustrialPolicy, PolicyPublicity (or the Chinese names)")),
        new(DescriptionZh, "承诺内容（中文）", "Description (Chinese)", false, BilingualText.Both("至多2000字；中英文至少填一项。", "At most 2,000 characters; give at least one language.")),
        new(DescriptionEn, "承诺内容（英文）", "Description (English)", false, BilingualText.Both("至多2000字。", "At most 2,000 characters.")),
        new(DueDate, "完成期限*", "Due date*", true, BilingualText.Both("日期，yyyy-MM-dd，在备忘录有效期内。", "A date, yyyy-MM-dd, within the memorandum's term.")),
        new(Weight, "权重*", "Weight*", true, BilingualText.Both("大于0、至多1000的数字。", "A number above 0, at most 1,000.")),
    ];

    public static IReadOnlyList<ImportColumn> Of(ImportKind kind) => kind == ImportKind.Partners ? Partners : Commitments;
}

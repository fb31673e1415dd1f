using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Observers;

/// <summary>Every refusal of the Observer aggregate, in one place so the codes stay stable and documented.</summary>
public static class ObserverErrors
{
    public static readonly DomainError OfficeOnly = DomainError.Rule(
        "observer.office-only", "Only the district office appoints observers and manages their terms.", "只有区政府办公室可以聘任观察员并管理其任期。");

    public static readonly DomainError AlreadyAppointed = DomainError.Conflict(
        "observer.already-appointed", "This observer has already been appointed.", "该观察员已被聘任。");

    public static readonly DomainError NotAppointed = DomainError.NotFound(
        "observer.not-appointed", "No observer has been appointed under this id.", "未找到该观察员的聘任记录。");

    public static readonly DomainError BatchInvalid = DomainError.Invalid(
        "observer.batch-invalid", "The batch number must be 1 or greater.", "批次号必须大于或等于 1。");

    public static readonly DomainError NameRequired = DomainError.Invalid(
        "observer.name-required", "The observer's full name is required.", "必须填写观察员姓名。");

    public static readonly DomainError NationalityInvalid = DomainError.Invalid(
        "observer.nationality-invalid", "Nationality must be a two-letter ISO 3166-1 country code (e.g. RO).", "国籍须为两位 ISO 3166-1 国家代码（如 RO）。");

    public static readonly DomainError RolesRequired = DomainError.Invalid(
        "observer.roles-required", "An observer needs at least one role.", "观察员至少须有一个身份。");

    public static readonly DomainError RoleUnknown = DomainError.Invalid(
        "observer.role-unknown", "One of the roles is not a known observer role.", "身份类型无效。");

    public static readonly DomainError TermInvalid = DomainError.Invalid(
        "observer.term-invalid", "The term must end after it starts.", "任期结束日期必须晚于开始日期。");

    public static readonly DomainError TermAlreadyEnded = DomainError.Rule(
        "observer.term-already-ended", "This observer's term has already ended.", "该观察员的任期已结束。");

    public static readonly DomainError EndOutsideTerm = DomainError.Rule(
        "observer.end-outside-term", "A term can only be ended on a day within it.", "只能在任期之内的日期结束任期。");

    public static readonly DomainError ReasonRequired = DomainError.Invalid(
        "observer.reason-required", "Give a reason for ending the term.", "请说明结束任期的原因。");

    public static readonly DomainError ExtensionNotLater = DomainError.Rule(
        "observer.extension-not-later", "An extension must move the end of the term later.", "延期后的任期结束日期必须晚于原结束日期。");
}

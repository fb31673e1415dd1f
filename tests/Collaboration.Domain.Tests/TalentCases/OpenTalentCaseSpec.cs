using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using static Collaboration.Domain.Tests.TalentCases.TalentCaseFixture;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.TalentCases.TalentCaseDecider,
    Collaboration.Domain.TalentCases.TalentCaseState,
    Collaboration.Domain.TalentCases.ITalentCaseCommand,
    Collaboration.Domain.TalentCases.ITalentCaseEvent>;

namespace Collaboration.Domain.Tests.TalentCases;

public sealed class OpenTalentCaseSpec
{
    private static OpenTalentCase Command(
        PersonalDetails? talent = null, string nationality = "RO", PartnerId? referredBy = null, Actor? by = null,
        TalentService service = TalentService.WorkPermit, TalentCategory category = TalentCategory.ForeignHighEndA) =>
        new(Id, talent ?? Robert, nationality, category, service, referredBy ?? Chamber, by ?? Officer, On(OpenedOn));

    [Fact]
    public void opening_before_national_day_sets_the_deadline_after_the_holiday_week() =>
        Spec.Given().When(Command()).Then(Opened());

    [Fact]
    public void the_opening_date_is_the_beijing_date_not_the_utc_date() =>
        Spec.Given()
            .When(Command() with { At = new DateTimeOffset(2024, 9, 29, 23, 30, 0, TimeSpan.Zero) })
            .Then(Opened() with { OpenedOn = new DateOnly(2024, 9, 30), At = new DateTimeOffset(2024, 9, 29, 23, 30, 0, TimeSpan.Zero) });

    [Fact]
    public void a_case_may_be_opened_without_a_referring_partner() =>
        Spec.Given()
            .When(new OpenTalentCase(Id, Robert, "RO", TalentCategory.ForeignHighEndA, TalentService.WorkPermit, null, Officer, On(OpenedOn)))
            .Then(Opened() with { ReferredBy = null });

    [Fact]
    public void a_partner_may_open_a_case_it_refers_itself() =>
        Spec.Given().When(Command(by: ChamberStaff)).Then(Opened() with { By = ChamberStaff.Id });

    [Fact]
    public void the_deadline_follows_the_service_standard_and_may_fall_on_a_make_up_saturday() =>
        Spec.Given()
            .When(Command(service: TalentService.MedicalCare))
            .Then(Opened() with { Service = TalentService.MedicalCare, ServiceLimitWorkingDays = 5, DueOn = new DateOnly(2024, 10, 12) });

    [Fact]
    public void a_case_cannot_be_opened_twice() =>
        Spec.Given(Opened()).When(Command()).ThenFails("talent-case.already-opened");

    [Fact]
    public void a_partner_cannot_open_a_case_referred_by_another_partner() =>
        Spec.Given().When(Command(by: ParkStaff)).ThenFails("talent-case.referrer-mismatch");

    [Fact]
    public void an_observer_cannot_open_a_case() =>
        Spec.Given().When(Command(by: Observer)).ThenFails("talent-case.office-only");

    [Fact]
    public void the_talents_name_is_required() =>
        Spec.Given().When(Command(talent: Robert with { FullName = " " })).ThenFails("talent-case.talent-name-required");

    [Fact]
    public void an_email_or_a_phone_is_required() =>
        Spec.Given().When(Command(talent: Robert with { Email = null, Phone = "" })).ThenFails("talent-case.talent-contact-required");

    [Fact]
    public void an_implausible_email_is_refused() =>
        Spec.Given().When(Command(talent: Robert with { Email = "robert.example.org" })).ThenFails("talent-case.talent-email-invalid");

    [Theory]
    [InlineData("ro")]
    [InlineData("ROU")]
    [InlineData("")]
    public void nationality_must_be_an_iso_alpha_2_code(string nationality) =>
        Spec.Given().When(Command(nationality: nationality)).ThenFails("talent-case.nationality-invalid");

    [Fact]
    public void an_unknown_service_is_refused() =>
        Spec.Given().When(Command(service: (TalentService)99)).ThenFails("talent-case.unknown-service");

    [Fact]
    public void an_unknown_talent_category_is_refused() =>
        Spec.Given().When(Command(category: (TalentCategory)99)).ThenFails("talent-case.unknown-service");
}

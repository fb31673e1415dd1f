using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using static Collaboration.Domain.Tests.TalentCases.TalentCaseFixture;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.TalentCases.TalentCaseDecider,
    Collaboration.Domain.TalentCases.TalentCaseState,
    Collaboration.Domain.TalentCases.ITalentCaseCommand,
    Collaboration.Domain.TalentCases.ITalentCaseEvent>;

namespace Collaboration.Domain.Tests.TalentCases;

public sealed class AddTalentCaseNoteSpec
{
    private static AddTalentCaseNote Command(string text = "电话确认材料已寄出 / confirmed by phone", Actor? by = null) =>
        new(Id, text, by ?? Officer, On(2024, 10, 9));

    [Fact]
    public void the_office_adds_a_note() =>
        Spec.Given(Opened()).When(Command()).Then(new TalentCaseNoteAdded(Id, new PersonalNote(Robert.Person, "电话确认材料已寄出 / confirmed by phone"), Officer.Id, On(2024, 10, 9)));

    [Fact]
    public void the_referring_partner_adds_a_note() =>
        Spec.Given(Opened()).When(Command(by: ChamberStaff)).Then(new TalentCaseNoteAdded(Id, new PersonalNote(Robert.Person, "电话确认材料已寄出 / confirmed by phone"), ChamberStaff.Id, On(2024, 10, 9)));

    [Fact]
    public void a_note_can_follow_up_a_resolved_case() =>
        Spec.Given(Opened(), Resolved()).When(Command() with { At = On(2024, 10, 21) })
            .Then(new TalentCaseNoteAdded(Id, new PersonalNote(Robert.Person, "电话确认材料已寄出 / confirmed by phone"), Officer.Id, On(2024, 10, 21)));

    [Fact]
    public void a_note_needs_an_opened_case() =>
        Spec.Given().When(Command()).ThenFails("talent-case.not-opened");

    [Fact]
    public void another_partner_cannot_add_a_note() =>
        Spec.Given(Opened()).When(Command(by: ParkStaff)).ThenFails("talent-case.not-referrer");

    [Fact]
    public void an_empty_note_is_refused() =>
        Spec.Given(Opened()).When(Command(text: "  ")).ThenFails("talent-case.note-required");

    [Fact]
    public void a_note_longer_than_4000_characters_is_refused() =>
        Spec.Given(Opened()).When(Command(text: new string('x', 4001))).ThenFails("talent-case.note-too-long");
}

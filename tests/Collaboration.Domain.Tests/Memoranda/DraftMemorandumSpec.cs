using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Memoranda.MemorandumFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Memoranda.MemorandumDecider,
    Collaboration.Domain.Memoranda.MemorandumState,
    Collaboration.Domain.Memoranda.IMemorandumCommand,
    Collaboration.Domain.Memoranda.IMemorandumEvent>;

namespace Collaboration.Domain.Tests.Memoranda;

public sealed class DraftMemorandumSpec
{
    private static DraftMemorandum Draft(IReadOnlyList<FocusArea>? areas = null) =>
        new(Memo, Title, Purpose, areas ?? Areas, TermStart, TermEnd, Drafted().At);

    [Fact]
    public void memorandum_is_drafted_with_its_focus_areas_and_term() =>
        Spec.Given().When(Draft()).Then(Drafted());

    [Fact]
    public void repeated_focus_areas_are_recorded_once() =>
        Spec.Given().When(Draft([FocusArea.PolicyPublicity, FocusArea.PolicyPublicity]))
            .Then(Drafted() with { FocusAreas = [FocusArea.PolicyPublicity] });

    [Fact]
    public void drafting_the_same_memorandum_twice_is_refused() =>
        Spec.Given(Drafted()).When(Draft()).ThenFails("memorandum.already-drafted");

    [Fact]
    public void memorandum_without_a_title_is_refused() =>
        Spec.Given().When(Draft() with { Title = new BilingualText(null, " ") }).ThenFails("memorandum.title-required");

    [Fact]
    public void memorandum_without_a_purpose_is_refused() =>
        Spec.Given().When(Draft() with { Purpose = new BilingualText("", null) }).ThenFails("memorandum.purpose-required");

    [Fact]
    public void memorandum_without_focus_areas_is_refused() =>
        Spec.Given().When(Draft([])).ThenFails("memorandum.focus-area-required");

    [Fact]
    public void unknown_focus_area_is_refused() =>
        Spec.Given().When(Draft([(FocusArea)77])).ThenFails("memorandum.focus-area-invalid");

    [Fact]
    public void term_ending_before_it_starts_is_refused() =>
        Spec.Given().When(Draft() with { TermEnd = TermStart.AddDays(-1) }).ThenFails("memorandum.term-invalid");
}

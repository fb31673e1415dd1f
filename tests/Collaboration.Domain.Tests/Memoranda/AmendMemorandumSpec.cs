using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Memoranda.MemorandumFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Memoranda.MemorandumDecider,
    Collaboration.Domain.Memoranda.MemorandumState,
    Collaboration.Domain.Memoranda.IMemorandumCommand,
    Collaboration.Domain.Memoranda.IMemorandumEvent>;

namespace Collaboration.Domain.Tests.Memoranda;

public sealed class AmendMemorandumSpec
{
    private static readonly BilingualText AddPublicity = BilingualText.Both("增加政策宣传合作", "Adds cooperation on policy publicity");
    private static readonly FocusArea[] WithPublicity = [.. Areas, FocusArea.PolicyPublicity];

    private static AmendMemorandum Amend(IReadOnlyList<FocusArea>? areas = null, DateOnly? termEnd = null) =>
        new(Memo, Because, AddPublicity, areas, termEnd, At.AddDays(30));

    private static MemorandumAmended Amended(int number, IReadOnlyList<FocusArea>? areas = null, DateOnly? termEnd = null) =>
        new(Memo, number, Because, AddPublicity, areas ?? Areas, termEnd ?? TermEnd, At.AddDays(30));

    [Fact]
    public void first_amendment_is_number_one_and_keeps_the_terms() =>
        Spec.Given(Active).When(Amend()).Then(Amended(1));

    [Fact]
    public void amendments_are_numbered_in_sequence() =>
        Spec.Given([.. Active, Amended(1), Amended(2)]).When(Amend()).Then(Amended(3));

    [Fact]
    public void amendment_can_add_a_focus_area() =>
        Spec.Given(Active).When(Amend(WithPublicity)).Then(Amended(1, WithPublicity));

    [Fact]
    public void amendment_can_extend_the_term() =>
        Spec.Given(Active).When(Amend(termEnd: new DateOnly(2028, 8, 31))).Then(Amended(1, termEnd: new DateOnly(2028, 8, 31)));

    [Fact]
    public void amending_a_memorandum_never_drafted_is_refused() =>
        Spec.Given().When(Amend()).ThenFails("memorandum.not-found");

    [Fact]
    public void amending_a_draft_is_refused() =>
        Spec.Given(ReadyToSign).When(Amend()).ThenFails("memorandum.not-active");

    [Fact]
    public void amending_a_suspended_memorandum_is_refused() =>
        Spec.Given([.. Active, Suspended()]).When(Amend()).ThenFails("memorandum.not-active");

    [Fact]
    public void amendment_without_a_reason_is_refused() =>
        Spec.Given(Active).When(Amend() with { Reason = new BilingualText(null, null) }).ThenFails("memorandum.reason-required");

    [Fact]
    public void amendment_without_text_is_refused() =>
        Spec.Given(Active).When(Amend() with { Text = new BilingualText(" ", null) }).ThenFails("memorandum.amendment-text-required");

    [Fact]
    public void amendment_removing_every_focus_area_is_refused() =>
        Spec.Given(Active).When(Amend([])).ThenFails("memorandum.focus-area-required");

    [Fact]
    public void amendment_with_an_unknown_focus_area_is_refused() =>
        Spec.Given(Active).When(Amend([(FocusArea)0])).ThenFails("memorandum.focus-area-invalid");

    [Fact]
    public void amendment_ending_the_term_before_it_starts_is_refused() =>
        Spec.Given(Active).When(Amend(termEnd: TermStart)).ThenFails("memorandum.term-invalid");
}

using Collaboration.Domain.Kernel;
using FluentAssertions;

namespace Collaboration.Testing.Specs;

/// <summary>
/// Given/When/Then for any decider: <c>Spec.Given(events).When(command).Then(events)</c> or
/// <c>.ThenFails(code)</c>. One outcome per test.
/// </summary>
public static class DeciderSpec<TDecider, TState, TCommand, TEvent>
    where TDecider : IDecider<TState, TCommand, TEvent>
    where TState : notnull
    where TEvent : notnull
{
    public static GivenStep Given(params TEvent[] history) => new(history);

    public sealed class GivenStep(IReadOnlyList<TEvent> history)
    {
        public TState State => history.Aggregate(TDecider.Initial, TDecider.Evolve);

        public WhenStep When(TCommand command) => new(TDecider.Decide(command, State));
    }

    public sealed class WhenStep(Decision<TEvent> decision)
    {
        public Decision<TEvent> Decision => decision;

        public void Then(params TEvent[] expected)
        {
            decision.Error.Should().BeNull("the command should be accepted");
            decision.Events.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering().RespectingRuntimeTypes());
        }

        public void ThenFails(string code)
        {
            decision.IsAccepted.Should().BeFalse($"the command should be refused with {code}");
            decision.Error!.Code.Should().Be(code);
            decision.Error.Message.IsComplete.Should().BeTrue("domain errors carry both languages");
        }
    }
}

using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>The shared path of every talent-case action: the case's stream and the caller as actor.</summary>
internal static class TalentCaseWrites
{
    public static Task<CommandOutcome> ExecuteAsync(
        StreamExecutor executor,
        TalentCaseId talentCase,
        StreamIntent intent,
        Func<Actor, ITalentCaseCommand> command,
        Caller caller,
        WriteOptions options,
        CancellationToken cancellationToken)
    {
        var actor = caller.ToActor();
        return executor.ExecuteAsync<TalentCaseDecider, TalentCaseState, ITalentCaseCommand, ITalentCaseEvent>(
            talentCase.Value,
            TalentCaseDecider.StreamName(talentCase),
            intent,
            _ => command(actor),
            caller,
            options,
            cancellationToken);
    }
}

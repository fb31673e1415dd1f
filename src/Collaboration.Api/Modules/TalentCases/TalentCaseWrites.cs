using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>The shared path of every talent-case action: the case's stream, the caller as actor, and Beijing time.</summary>
internal static class TalentCaseWrites
{
    /// <summary>Now in Beijing time: the decider derives every business date from the command's moment.</summary>
    public static DateTimeOffset Now(TimeProvider time) => time.GetUtcNow().ToOffset(DistrictTime.Offset);

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

using Collaboration.Api.Application;
using Collaboration.Api.Modules.People;
using Collaboration.Audit.Privacy;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using Collaboration.Domain.TalentCases;
using Mediator;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>Body of <c>POST /api/v1/talent-cases</c>.</summary>
/// <param name="Talent">The talent's personal data (name, e-mail, phone); at least one contact is required.</param>
/// <param name="Nationality">ISO 3166-1 alpha-2 code, e.g. <c>RO</c>; a statistic kept outside the personal data.</param>
/// <param name="Category">Talent category (foreign A/B/C, domestic high-level, returned overseas).</param>
/// <param name="Service">The service asked for; it fixes the working-day service standard.</param>
/// <param name="ReferredBy">The memorandum partner that referred the talent, if any; it may then follow the case.</param>
public sealed record OpenTalentCaseBody(PersonalDetailsBody Talent, string Nationality, TalentCategory Category, TalentService Service, PartnerId? ReferredBy = null);

/// <summary>Opens a case; the deadline is decided now, on the China working-day calendar.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record OpenTalentCaseRequest(Caller Caller, WriteOptions Options, TalentCaseId Case, OpenTalentCaseBody Body) : IWrite;

public sealed class OpenTalentCaseValidator : IValidator<OpenTalentCaseRequest>
{
    public void Validate(OpenTalentCaseRequest request, ValidationErrors errors)
    {
        request.Body.Talent.Validate("talent", errors);
        errors.MaxLength("nationality", request.Body.Nationality, 2);
    }
}

public sealed class OpenTalentCaseHandler(StreamExecutor executor, IPersonalKeyStore keys, TimeProvider time) : ICommandHandler<OpenTalentCaseRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(OpenTalentCaseRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        if (body.ReferredBy is { } referrer)
        {
            var partner = await executor.LoadAsync<PartnerDecider, PartnerState, IPartnerCommand, IPartnerEvent>(
                PartnerDecider.StreamName(referrer), cancellationToken);
            if (PartnerDecider.Summarise(partner.State) is null)
            {
                return new CommandOutcome.Rejected(TalentCaseApiErrors.ReferrerUnknown);
            }
        }

        var talent = body.Talent.ToDomain();

        // The talent's key is made durable here, awaited: the converter that seals the event asks for it synchronously,
        // and would otherwise block this request's thread on the key file's commit (ADR 0028).
        await keys.GetOrCreateAsync(talent.Person, cancellationToken);
        var at = time.GetUtcNow();
        return await TalentCaseWrites.ExecuteAsync(
            executor,
            request.Case,
            StreamIntent.Create,
            actor => new OpenTalentCase(request.Case, talent, body.Nationality, body.Category, body.Service, body.ReferredBy, actor, at),
            request.Caller,
            request.Options,
            cancellationToken);
    }
}

using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using Collaboration.EventStore;
using Mediator;

namespace Collaboration.Api.Modules.Partners;

/// <summary>Body of <c>POST /api/v1/partners</c>.</summary>
/// <param name="Kind">Chamber of commerce, industry association, industrial park, enterprise or government department.</param>
/// <param name="Name">Name in Chinese and English (a missing translation is allowed but shown).</param>
/// <param name="Contacts">Contact persons of the organisation (their name, e-mail and phone are sealed as personal data).</param>
/// <param name="ExternalReference">Unique id in the system the partner was imported from, e.g. a unified social credit code.</param>
public sealed record RegisterPartnerBody(PartnerKind Kind, BilingualText Name, IReadOnlyList<PartnerContactBody> Contacts, string? ExternalReference = null);

/// <summary>Registers an organisation; its external reference, if any, is reserved first so two partners never share one.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record RegisterPartnerRequest(Caller Caller, WriteOptions Options, PartnerId Partner, RegisterPartnerBody Body) : IWrite;

public sealed class RegisterPartnerValidator : IValidator<RegisterPartnerRequest>
{
    public void Validate(RegisterPartnerRequest request, ValidationErrors errors)
    {
        errors.MaxLength("name.zh", request.Body.Name.Zh, 200).MaxLength("name.en", request.Body.Name.En, 200);
        errors.MaxLength("externalReference", request.Body.ExternalReference, 100);
        if (request.Body.Contacts.Count > 20)
        {
            errors.Add("contacts", "At most 20 contacts. 最多 20 个联系人。");
        }

        PartnerContactBody.Validate(request.Body.Contacts, errors);
    }
}

public sealed class RegisterPartnerHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<RegisterPartnerRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(RegisterPartnerRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var command = new RegisterPartner(request.Partner, body.Kind, body.Name, [.. body.Contacts.Select(c => c.ToDomain([]))], body.ExternalReference, time.GetUtcNow());

        // Decide on an empty stream first, so an invalid registration never leaves a reference reserved.
        if (PartnerDecider.Decide(command, PartnerDecider.Initial).Error is { } invalid)
        {
            return new CommandOutcome.Rejected(invalid);
        }

        if (body.ExternalReference is { } reference)
        {
            var reserved = await executor.ExecuteAsync<PartnerReferenceDecider, PartnerReferenceState, IPartnerReferenceCommand, IPartnerReferenceEvent>(
                request.Partner.Value,
                PartnerReferenceDecider.StreamName(reference),
                StreamIntent.Create,
                _ => new ReservePartnerReference(reference, request.Partner, command.At),
                request.Caller,
                request.Options with { IfMatch = null },
                cancellationToken);
            if (reserved is not CommandOutcome.Accepted)
            {
                return reserved;
            }
        }

        return await executor.ExecuteAsync<PartnerDecider, PartnerState, IPartnerCommand, IPartnerEvent>(
            request.Partner.Value,
            PartnerDecider.StreamName(request.Partner),
            StreamIntent.Create,
            _ => command,
            request.Caller,
            request.Options,
            cancellationToken);
    }
}

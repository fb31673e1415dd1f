using Collaboration.Api.Application;
using Collaboration.Api.Modules.People;
using Collaboration.Audit.Privacy;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;
using Mediator;

namespace Collaboration.Api.Modules.Observers;

/// <summary>Body of <c>POST /api/v1/observers</c>.</summary>
/// <param name="Batch">Appointment round, 1 or later (Robert is in batch 2).</param>
/// <param name="Details">The observer's personal data (name, e-mail, phone).</param>
/// <param name="Nationality">ISO 3166-1 alpha-2 code, e.g. <c>RO</c>; a statistic kept outside the personal data.</param>
/// <param name="Roles">PublicObserver and/or ForeignExperienceOfficer.</param>
/// <param name="TermStart">First day of service (inclusive).</param>
/// <param name="TermEnd">Last day of service (inclusive), after the first.</param>
public sealed record AppointObserverBody(
    int Batch,
    PersonalDetailsBody Details,
    string Nationality,
    IReadOnlyList<ObserverRole> Roles,
    DateOnly TermStart,
    DateOnly TermEnd);

[AllowedRoles(CallerRole.Office)]
public sealed record AppointObserverRequest(Caller Caller, WriteOptions Options, ObserverId Observer, AppointObserverBody Body) : IWrite;

public sealed class AppointObserverValidator : IValidator<AppointObserverRequest>
{
    public void Validate(AppointObserverRequest request, ValidationErrors errors)
    {
        request.Body.Details.Validate("details", errors);
        errors.MaxLength("nationality", request.Body.Nationality, 2);
        if (request.Body.Roles.Count > Enum.GetValues<ObserverRole>().Length)
        {
            errors.Add("roles", "Each role at most once. 每个身份最多一次。");
        }
    }
}

public sealed class AppointObserverHandler(StreamExecutor executor, IPersonalKeyStore keys, TimeProvider time) : ICommandHandler<AppointObserverRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(AppointObserverRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var details = body.Details.ToDomain();

        // Made durable here, awaited, rather than by the sealing converter on this request's thread (ADR 0028).
        await keys.GetOrCreateAsync(details.Person, cancellationToken);
        var at = time.GetUtcNow();
        return await ObserverWrites.ExecuteAsync(
            executor,
            request.Observer,
            StreamIntent.Create,
            actor => new AppointObserver(request.Observer, body.Batch, details, body.Nationality, body.Roles, body.TermStart, body.TermEnd, actor, at),
            request.Caller,
            request.Options,
            cancellationToken);
    }
}

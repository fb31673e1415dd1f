using System.Text.Json;
using Collaboration.Api.Application;
using Collaboration.Projections.Running;
using Mediator;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>Deliveries that failed their last try, for the office to inspect (oldest first).</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record ListDeadLettersRequest(Caller Caller) : IRead<IReadOnlyList<DeadLetter>>;

public sealed class ListDeadLettersHandler(IViewReader views) : IQueryHandler<ListDeadLettersRequest, QueryOutcome<IReadOnlyList<DeadLetter>>>
{
    public async ValueTask<QueryOutcome<IReadOnlyList<DeadLetter>>> Handle(ListDeadLettersRequest request, CancellationToken cancellationToken) =>
        QueryOutcome<IReadOnlyList<DeadLetter>>.Of([.. (await views.ListAsync(NotificationDelivery.DeadLetters, audiences: null, cancellationToken))
            .Where(s => s.Json is not null)
            .Select(s => JsonSerializer.Deserialize<DeadLetter>(s.Json!, NotificationJson.Options)!)
            .OrderBy(d => d.At)]);
}

/// <summary>Put a dead letter back in the outbox; it is tried again, with the same idempotency id.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record ReplayDeadLetterRequest(Caller Caller, WriteOptions Options, Guid Delivery) : IWrite;

public sealed class ReplayDeadLetterHandler(NotificationDelivery delivery) : ICommandHandler<ReplayDeadLetterRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(ReplayDeadLetterRequest request, CancellationToken cancellationToken) =>
        await delivery.ReplayAsync(request.Delivery, cancellationToken)
            ? new CommandOutcome.Accepted(request.Delivery, NotificationDelivery.DeadLetters, 0, Replayed: false)
            : new CommandOutcome.NotFound();
}

/// <summary>The latest tries at one partner's webhook endpoint, oldest first.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record GetDeliveryLogRequest(Caller Caller, Guid? Partner) : IRead<IReadOnlyList<DeliveryAttempt>>;

public sealed class GetDeliveryLogHandler(IViewReader views) : IQueryHandler<GetDeliveryLogRequest, QueryOutcome<IReadOnlyList<DeliveryAttempt>>>
{
    public async ValueTask<QueryOutcome<IReadOnlyList<DeliveryAttempt>>> Handle(GetDeliveryLogRequest request, CancellationToken cancellationToken) =>
        request.Partner is null
            ? QueryOutcome<IReadOnlyList<DeliveryAttempt>>.Invalid(new Dictionary<string, string[]> { ["partner"] = ["Required: the partner whose webhook's log to read."] })
            : QueryOutcome<IReadOnlyList<DeliveryAttempt>>.Of(
            await views.GetAsync(NotificationDelivery.Deliveries, $"org:{request.Partner}", cancellationToken) is { Json: { } json }
                ? JsonSerializer.Deserialize<DeliveryLog>(json, NotificationJson.Options)!.Attempts
                : []);
}

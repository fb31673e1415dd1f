using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Notifications;

/// <summary>
/// Something worth telling the followers of <see cref="Stream"/>: the kind and a bilingual headline. The headline names
/// only what every viewer of the item may read (no personal details, notes, other owners' reports or observer names),
/// because the visibility policy admits a recipient to the item, not to fields it would withhold.
/// <see cref="Key"/> is unique per occurrence (the event's position, or the clock mark with its due date), so the same
/// occurrence always yields the same notification id.
/// </summary>
public sealed record NotificationTrigger(NotificationKind Kind, string Stream, string Key, BilingualText Title, DateTimeOffset At);

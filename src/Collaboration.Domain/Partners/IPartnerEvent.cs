using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

/// <summary>An event on one partner stream.</summary>
public interface IPartnerEvent
{
    PartnerId Partner { get; }

    DateTimeOffset At { get; }
}

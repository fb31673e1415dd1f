using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

/// <summary>A command on one partner stream.</summary>
public interface IPartnerCommand
{
    PartnerId Partner { get; }

    DateTimeOffset At { get; }
}

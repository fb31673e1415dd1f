using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

public sealed record DeactivatePartner(PartnerId Partner, BilingualText Reason, DateTimeOffset At) : IPartnerCommand;

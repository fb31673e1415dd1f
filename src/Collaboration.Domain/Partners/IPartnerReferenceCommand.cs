namespace Collaboration.Domain.Partners;

/// <summary>A command on one external-reference reservation stream.</summary>
public interface IPartnerReferenceCommand
{
    DateTimeOffset At { get; }
}

namespace Collaboration.Domain.Partners;

/// <summary>An event on one external-reference reservation stream.</summary>
public interface IPartnerReferenceEvent
{
    DateTimeOffset At { get; }
}

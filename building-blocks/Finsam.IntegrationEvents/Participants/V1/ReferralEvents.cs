namespace Finsam.IntegrationEvents.Participants.V1;

// Referrals (remiss / anvisning) from an agency to an insats. ParticipantId is null when the person has
// skyddade personuppgifter: downstream, such a person is never identifiable.

/// <param name="Agency">"fk", "af", "kommun", "region" or "annan".</param>
public sealed record ReferralReceived(
    string ReferralId, string? ParticipantId, string InsatsId, string Agency, DateOnly ReceivedOn, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>The insats' budgeted places were full: the referral waits in the insats' queue.</summary>
public sealed record ReferralQueued(string ReferralId, string InsatsId, DateTime OccurredAt) : IIntegrationEvent;

/// <param name="OverCapacity">Accepted beyond the budgeted places by an explicit decision.</param>
public sealed record ReferralAccepted(string ReferralId, string InsatsId, bool OverCapacity, DateTime OccurredAt) : IIntegrationEvent;

/// <param name="Reason">A code of <see cref="ReferralDeclineReasons"/>, never free text.</param>
public sealed record ReferralDeclined(string ReferralId, string InsatsId, string Reason, DateTime OccurredAt) : IIntegrationEvent;

public sealed record ReferralWithdrawn(string ReferralId, string InsatsId, DateTime OccurredAt) : IIntegrationEvent;

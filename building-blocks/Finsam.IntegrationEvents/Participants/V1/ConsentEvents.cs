namespace Finsam.IntegrationEvents.Participants.V1;

/// <summary>Samtycke: the person lets these agencies exchange information about them. Null id: skyddade personuppgifter.</summary>
public sealed record ConsentGiven(
    string ConsentId, string? ParticipantId, IReadOnlyList<string> Agencies, DateOnly GivenOn, DateTime OccurredAt) : IIntegrationEvent;

public sealed record ConsentWithdrawn(string ConsentId, string? ParticipantId, DateOnly WithdrawnOn, DateTime OccurredAt) : IIntegrationEvent;

namespace Finsam.IntegrationEvents.Participants.V1;

/// <summary>A registered fact that reporting uses (gender) was corrected. Names are corrected too, but never leave the service.</summary>
public sealed record ParticipantCorrected(string ParticipantId, string Gender, int BirthYear, string Reason, DateTime OccurredAt) : IIntegrationEvent;

namespace Finsam.IntegrationEvents.Participants.V1;

/// <summary>
/// A registered fact that reporting uses (gender) was corrected. Names are corrected too, but never leave the
/// service; nor does the staff's free-text reason, which could name someone — it stays in the history.
/// </summary>
public sealed record ParticipantCorrected(string ParticipantId, string Gender, int BirthYear, DateTime OccurredAt) : IIntegrationEvent;

namespace Finsam.IntegrationEvents.Participants.V1;

/// <summary>
/// A person was registered in the participants service. Deliberately without personnummer or name:
/// reporting needs gender and birth year for its statistics, nothing that identifies the person.
/// </summary>
/// <param name="ParticipantId">Opaque id; the only way other services refer to the person.</param>
/// <param name="Gender">"woman", "man" or "other" (kvinna, man, annat).</param>
/// <param name="BirthYear">Derived from the personnummer, for age bands.</param>
public sealed record ParticipantRegistered(
    string ParticipantId,
    string Gender,
    int BirthYear,
    DateTime OccurredAt) : IIntegrationEvent;

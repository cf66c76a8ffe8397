using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Persons;

/// <summary>
/// Registered participants by opaque id. A stay's gender is the one its EnrolmentStarted carried; when the person's
/// gender was corrected later (ParticipantCorrected), <see cref="GenderOf"/> gives the corrected one.
/// </summary>
public sealed class PersonBook : ReadModelBook<PersonFacts>
{
    public override string Kind => "persons";

    public override void Apply(IIntegrationEvent integrationEvent, ISet<string> changed)
    {
        switch (integrationEvent)
        {
            case ParticipantRegistered e:
                Keep(e.ParticipantId, e.Gender, e.BirthYear, e.OccurredAt, e.OccurredAt, false, changed);
                break;
            case ParticipantCorrected e:
                Keep(e.ParticipantId, e.Gender, e.BirthYear, null, e.OccurredAt, true, changed);
                break;
        }
    }

    /// <summary>The person's gender as it now stands; null when the person isn't known here.</summary>
    public string? GenderOf(string? participantId) => participantId is null ? null : Find(participantId)?.Gender;

    private void Keep(string participantId, string gender, int birthYear, DateTime? registeredAt, DateTime occurredAt, bool isCorrection, ISet<string> changed)
    {
        var version = new FactVersion(occurredAt, isCorrection, FactVersion.KeyOf(gender, birthYear));
        Update(participantId, current =>
        {
            // RegisteredAt comes only with the registration, which may arrive after a correction.
            var registered = registeredAt ?? current?.RegisteredAt ?? default;
            if (!FactVersion.Supersedes(version, current?.Version))
            {
                return current is not null && registeredAt is { } at && current.RegisteredAt != at ? current with { RegisteredAt = at } : current;
            }

            return new PersonFacts(participantId, gender, birthYear, registered, version);
        }, changed);
    }
}

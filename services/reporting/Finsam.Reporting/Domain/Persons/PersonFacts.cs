using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Persons;

/// <summary>
/// The statistical facts of one registered participant as they now stand (ParticipantRegistered, then the latest
/// ParticipantCorrected): gender and birth year under the opaque id, never a name or personnummer.
/// </summary>
public sealed record PersonFacts(string ParticipantId, string Gender, int BirthYear, DateTime RegisteredAt, FactVersion Version);

using Finsam.IntegrationEvents;
using Finsam.Participants.Domain;

namespace Finsam.Participants.Application.Enrolments;

/// <summary>The enrolments' storage port, on the platform's document store.</summary>
public interface IEnrolmentRepository
{
    /// <summary>
    /// Stores a new enrolment and its events in one atomic write. Unique indexes make a second active
    /// enrolment of the same person in the same insats, and a second stay from one referral, impossible however
    /// the requests race: throws <see cref="EnrolmentAlreadyActiveException"/>, <see cref="EnrolmentReferralUsedException"/>,
    /// or <see cref="EnrolmentRequestIdTakenException"/> for a used request id.
    /// </summary>
    Task AddAsync(Enrolment enrolment, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the changed enrolment and its events in one atomic write if nobody changed it since it was read
    /// (<see cref="Enrolment.Version"/>); otherwise throws <see cref="Platform.Errors.ConcurrencyConflictException"/>.
    /// </summary>
    Task SaveAsync(Enrolment enrolment, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);

    Task<Enrolment?> GetAsync(string enrolmentId, CancellationToken cancellationToken);

    Task<Enrolment?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>All the person's stays, oldest first.</summary>
    Task<IReadOnlyList<Enrolment>> ListForParticipantAsync(string participantId, CancellationToken cancellationToken);

    /// <summary>Stays of the insats that have not ended.</summary>
    Task<IReadOnlyList<Enrolment>> ListActiveInInsatsAsync(string insatsId, CancellationToken cancellationToken);
}

public sealed class EnrolmentAlreadyActiveException() : Exception("The person already has an active enrolment in the insats.");

public sealed class EnrolmentReferralUsedException() : Exception("A stay has already started from the referral.");

public sealed class EnrolmentRequestIdTakenException() : Exception("The request id has already been used.");

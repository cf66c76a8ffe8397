using Finsam.Activities.Domain.Counts;
using Finsam.IntegrationEvents;

namespace Finsam.Activities.Application.Counts;

/// <summary>The count registrations' storage port: a collection of their own, one document per registration.</summary>
public interface IInsatsCountRepository
{
    /// <summary>
    /// Stores the registration and its events in one write and returns it with its version. <paramref name="requestKey"/>
    /// is unique: a taken one throws <see cref="CountRequestIdTakenException"/>.
    /// </summary>
    Task<InsatsCountRegistration> AddAsync(
        InsatsCountRegistration registration, string requestKey, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);

    /// <summary>The registration as stored, with <see cref="InsatsCountRegistration.Version"/> set.</summary>
    Task<InsatsCountRegistration?> GetAsync(string registrationId, CancellationToken cancellationToken);

    Task<InsatsCountRegistration?> FindByRequestKeyAsync(string requestKey, CancellationToken cancellationToken);

    /// <summary>The insats' registrations in id (= registration) order after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<InsatsCountRegistration>> ListByInsatsAsync(string insatsId, string? afterId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the corrected registration and its events in one write if the stored version is still
    /// <see cref="InsatsCountRegistration.Version"/>; returns it with its new version, or null (writing nothing) when
    /// someone changed it first.
    /// </summary>
    Task<InsatsCountRegistration?> TrySaveAsync(
        InsatsCountRegistration registration, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);
}

public sealed class CountRequestIdTakenException() : Exception("The request id has already been used.");

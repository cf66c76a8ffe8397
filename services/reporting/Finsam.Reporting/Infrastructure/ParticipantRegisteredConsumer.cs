using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Platform.Inbox;
using Finsam.Platform.Storage;
using Finsam.Reporting.Application;

namespace Finsam.Reporting.Infrastructure;

/// <summary>Queue "reporting-participant-registered"; what fails after retries lands in its _error queue.</summary>
public sealed class ParticipantRegisteredConsumer(
    IDocumentStore store,
    ParticipantRegisteredProjection projection,
    ILogger<ParticipantRegisteredConsumer> logger) : InboxConsumer<ParticipantRegistered>(store, logger)
{
    protected override Task HandleAsync(ParticipantRegistered message, CancellationToken cancellationToken) =>
        projection.ApplyAsync(message, cancellationToken);
}

using System.Collections.Concurrent;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Platform.Inbox;
using Finsam.Platform.Storage;
using Microsoft.Extensions.Logging;

namespace Finsam.IntegrationTests;

/// <summary>What a test consumer saw: every handler invocation, in order.</summary>
public sealed class Recorder
{
    public ConcurrentQueue<ParticipantRegistered> Handled { get; } = new();
}

/// <summary>A consumer built on the real inbox base class, recording each time its handler actually runs.</summary>
public sealed class RecordingConsumer(IDocumentStore store, Recorder recorder, ILogger<RecordingConsumer> logger)
    : InboxConsumer<ParticipantRegistered>(store, logger)
{
    protected override Task HandleAsync(ParticipantRegistered message, CancellationToken cancellationToken)
    {
        recorder.Handled.Enqueue(message);
        return Task.CompletedTask;
    }
}

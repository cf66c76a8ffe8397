using System.Globalization;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Participants.Infrastructure;
using Finsam.Platform.Outbox;

namespace Finsam.StorageContractTests.Contract;

/// <summary>The repositories built on the store: participants (personal data).</summary>
public abstract partial class StorageContract
{
    private static int _nextPerson;

    /// <summary>A valid personnummer no other test in this run uses.</summary>
    private static Personnummer UniquePersonnummer(bool samordning = false)
    {
        var n = Interlocked.Increment(ref _nextPerson);
        var date = new DateOnly(1950, 1, 1).AddDays(n * 7);
        var day = date.Day + (samordning ? 60 : 0);
        var nine = string.Create(CultureInfo.InvariantCulture, $"{date.Year % 100:D2}{date.Month:D2}{day:D2}{n % 1000:D3}");
        var text = $"{date.Year / 100:D2}{nine}{Personnummer.CheckDigit(nine)}";
        return Personnummer.Parse(text, new DateOnly(2025, 1, 1)).Value ?? throw new InvalidOperationException(text);
    }

    private async Task<DocumentParticipantRepository> ParticipantsAsync()
    {
        var store = Store;
        await DocumentParticipantRepository.EnsureIndexesAsync(store, Ct);
        return new DocumentParticipantRepository(store, new OutboxSignal());
    }

    private static Participant NewParticipant(Personnummer personnummer, Gender gender = Gender.Woman, DateTime? registeredAt = null) => new()
    {
        Id = Participant.NewId(),
        Personnummer = personnummer,
        Name = new PersonName("Åsa", "Öberg"),
        Gender = gender,
        BirthYear = personnummer.BirthDate.Year,
        IsSamordningsnummer = personnummer.IsSamordningsnummer,
        ProtectedIdentity = false,
        RegisteredAt = registeredAt ?? new DateTime(2025, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc),
        RegisteredBy = new Actor("contract-test", "samordnare", null),
    };

    private static ParticipantRegistered RegisteredEvent(Participant p) =>
        new(p.Id, RegisterParticipantHandler.ToEventGender(p.Gender), p.BirthYear, p.RegisteredAt);

    [Theory]
    [InlineData(Gender.Woman, false)]
    [InlineData(Gender.Man, true)]
    [InlineData(Gender.Other, false)]
    public async Task Participant_round_trips(Gender gender, bool samordning)
    {
        var repository = await ParticipantsAsync();
        var personnummer = UniquePersonnummer(samordning);
        var participant = NewParticipant(personnummer, gender);

        await repository.AddAsync(participant, Guid.NewGuid().ToString(), [RegisteredEvent(participant)], Ct);
        var loaded = await repository.GetAsync(participant.Id, Ct);

        Assert.NotNull(loaded);
        Assert.Equal(participant.Id, loaded.Id);
        Assert.Equal(personnummer.Value, loaded.Personnummer!.Value);
        Assert.Equal(samordning, loaded.Personnummer!.IsSamordningsnummer);
        Assert.Equal(personnummer.BirthDate, loaded.Personnummer!.BirthDate);
        Assert.Equal(participant.BirthYear, loaded.BirthYear);
        Assert.Equal(gender, loaded.Gender);
        Assert.Equal(new PersonName("Åsa", "Öberg"), loaded.Name);
        Assert.Equal(DateTimeKind.Utc, loaded.RegisteredAt.Kind);
        Assert.Equal(participant.RegisteredAt, loaded.RegisteredAt);
    }

    [Fact]
    public async Task Participant_and_its_event_are_stored_together()
    {
        var repository = await ParticipantsAsync();
        var participant = NewParticipant(UniquePersonnummer());

        await repository.AddAsync(participant, Guid.NewGuid().ToString(), [RegisteredEvent(participant)], Ct);

        var pending = (await Store.GetPendingOutboxAsync(ParticipantDocument.CollectionName, 10_000, Ct))
            .Where(p => p.DocumentId == participant.Id)
            .ToList();
        var entry = Assert.Single(pending).Entry;
        Assert.Equal(typeof(ParticipantRegistered).FullName, entry.MessageType);
        Assert.Contains(participant.Id, entry.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain(participant.Personnummer!.Value, entry.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_participant_is_null()
    {
        var repository = await ParticipantsAsync();

        Assert.Null(await repository.GetAsync(Guid.NewGuid().ToString(), Ct));
        Assert.Null(await repository.FindByRequestIdAsync(Guid.NewGuid().ToString(), Ct));
    }

    [Fact]
    public async Task Second_participant_with_the_same_personnummer_is_refused()
    {
        var repository = await ParticipantsAsync();
        var personnummer = UniquePersonnummer();
        await repository.AddAsync(NewParticipant(personnummer), Guid.NewGuid().ToString(), [], Ct);
        var before = await repository.CountAsync(Ct);
        var second = NewParticipant(personnummer, Gender.Man);

        await Assert.ThrowsAsync<PersonnummerTakenException>(() => repository.AddAsync(second, Guid.NewGuid().ToString(), [], Ct));

        Assert.Null(await repository.GetAsync(second.Id, Ct));
        Assert.Equal(before, await repository.CountAsync(Ct));
    }

    [Fact]
    public async Task Second_participant_with_the_same_request_id_is_refused()
    {
        var repository = await ParticipantsAsync();
        var requestId = Guid.NewGuid().ToString();
        var first = NewParticipant(UniquePersonnummer());
        await repository.AddAsync(first, requestId, [], Ct);
        var second = NewParticipant(UniquePersonnummer());

        await Assert.ThrowsAsync<RequestIdTakenException>(() => repository.AddAsync(second, requestId, [], Ct));

        Assert.Null(await repository.GetAsync(second.Id, Ct));
        Assert.Equal(first.Id, (await repository.FindByRequestIdAsync(requestId, Ct))!.Id);
    }

    [Fact]
    public async Task Find_by_request_id_returns_the_participant_of_that_request()
    {
        var repository = await ParticipantsAsync();
        var requestA = Guid.NewGuid().ToString();
        var requestB = Guid.NewGuid().ToString();
        var a = NewParticipant(UniquePersonnummer());
        var b = NewParticipant(UniquePersonnummer());
        await repository.AddAsync(a, requestA, [], Ct);
        await repository.AddAsync(b, requestB, [], Ct);

        Assert.Equal(a.Id, (await repository.FindByRequestIdAsync(requestA, Ct))?.Id);
        Assert.Equal(b.Id, (await repository.FindByRequestIdAsync(requestB, Ct))?.Id);
    }

    [Fact]
    public async Task Count_grows_with_each_participant()
    {
        var repository = await ParticipantsAsync();
        var before = await repository.CountAsync(Ct);

        await repository.AddAsync(NewParticipant(UniquePersonnummer()), Guid.NewGuid().ToString(), [], Ct);
        await repository.AddAsync(NewParticipant(UniquePersonnummer()), Guid.NewGuid().ToString(), [], Ct);

        Assert.Equal(before + 2, await repository.CountAsync(Ct));
    }
}

using System.Globalization;
using Finsam.IntegrationEvents;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Consents;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Participants.Infrastructure;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Participants.Enrolments;

/// <summary>
/// Shared setup for the enrolment tests: the real handlers over the harness' LiteDB store, today is
/// 2 March 2026 (Stockholm), insats "insats-a" with a 28-day plan deadline and "insats-b" without one,
/// and a samordnare who works in both and registers the people she enrols.
/// </summary>
public abstract class EnrolmentTestBase : IAsyncLifetime
{
    protected const string InsatsA = "insats-a";
    protected const string InsatsB = "insats-b";
    protected static readonly DateOnly Today = new(2026, 3, 2);

    private static int _serial = 100;

    protected ParticipantsHarness Harness { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Staff of both insatser; registers everyone here, so she may also give their consent.</summary>
    protected static AccessContext Staff => ParticipantsHarness.As(Roles.Samordnare, "samordnare-1", null, InsatsA, InsatsB);

    protected static AccessContext OtherInsatsStaff => ParticipantsHarness.As(Roles.Deltagaransvarig, "deltagaransvarig-9", null, "insats-x");

    protected static AccessContext Administrator => ParticipantsHarness.As(Roles.Administrator, "admin-1");

    protected StartEnrolmentHandler Start => Harness.Get<StartEnrolmentHandler>();

    protected IEnrolmentRepository Repository => Harness.Get<IEnrolmentRepository>();

    public async ValueTask InitializeAsync()
    {
        Harness = await ParticipantsHarness.StartAsync();
        Harness.Clock.Now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        Harness.Catalogue.Add(InsatsA, planDeadlineDays: 28);
        Harness.Catalogue.Add(InsatsB);
        Harness.Catalogue.Add("insats-struktur", kind: "structural");
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();

    protected Task<IReadOnlyList<IIntegrationEvent>> EventsAsync() => Harness.PendingEventsAsync(EnrolmentDocument.CollectionName);

    protected async Task<IReadOnlyList<T>> EventsAsync<T>() => (await EventsAsync()).OfType<T>().ToList();

    /// <summary>A valid, unique personnummer for someone born on <paramref name="born"/>.</summary>
    protected static string PersonnummerBornOn(DateOnly born)
    {
        var serial = Interlocked.Increment(ref _serial) % 900 + 100;
        var nine = born.ToString("yyMMdd", CultureInfo.InvariantCulture) + serial.ToString("D3", CultureInfo.InvariantCulture);
        return $"{born:yyyyMMdd}-{nine[6..]}{Personnummer.CheckDigit(nine)}";
    }

    protected async Task<Participant> RegisterAsync(DateOnly? born = null, Gender gender = Gender.Woman, bool protectedIdentity = false) =>
        await Harness.Get<RegisterParticipantHandler>().HandleAsync(
            Staff,
            new RegisterParticipantCommand(null, PersonnummerBornOn(born ?? new DateOnly(1990, 6, 15)), "Anna", "Andersson", gender, protectedIdentity),
            Ct);

    protected Task<Consent> ConsentAsync(Participant participant, DateOnly givenOn) =>
        Harness.Get<ConsentHandlers>().GiveAsync(Staff, new GiveConsentCommand(participant.Id, ["fk", "kommun"], givenOn), Ct);

    /// <summary>Registered, with consent from 1 June 2025.</summary>
    protected async Task<Participant> ConsentingPersonAsync(DateOnly? born = null, Gender gender = Gender.Woman, bool protectedIdentity = false)
    {
        var participant = await RegisterAsync(born, gender, protectedIdentity);
        await ConsentAsync(participant, new DateOnly(2025, 6, 1));
        return participant;
    }

    protected static StartEnrolmentCommand Identified(
        string participantId,
        string insatsId = InsatsA,
        DateOnly? startDate = null,
        string? requestId = null,
        IReadOnlyList<string>? forsorjning = null,
        IReadOnlyList<string>? contactPersons = null) => new(
        requestId,
        insatsId,
        participantId,
        null,
        null,
        startDate ?? Today,
        contactPersons ?? ["Karin Berg"],
        forsorjning ?? ["sjukpenning", "forsorjningsstod"],
        "sjukskriven",
        "gymnasium",
        4);

    protected static StartEnrolmentCommand AnonymousStart(string insatsId = InsatsA, Gender? gender = Gender.Man, string? ageBand = "30-34", DateOnly? startDate = null) =>
        new(null, insatsId, null, new AnonymousPerson(gender, ageBand), null, startDate ?? Today, [], [], null, null, null);

    protected Task<Enrolment> StartAsync(StartEnrolmentCommand command, AccessContext? as_ = null) => Start.HandleAsync(as_ ?? Staff, command, Ct);

    /// <summary>A consenting person enrolled in insats A on <paramref name="startDate"/> (default today).</summary>
    protected async Task<Enrolment> EnrolledAsync(DateOnly? startDate = null, string insatsId = InsatsA)
    {
        var participant = await ConsentingPersonAsync();
        return await StartAsync(Identified(participant.Id, insatsId, startDate ?? Today));
    }

    protected Task<Enrolment> EndAsync(Enrolment enrolment, DateOnly endDate, params string[] reasons) =>
        Harness.Get<EndEnrolmentHandler>().HandleAsync(
            Staff,
            new EndEnrolmentCommand(enrolment.Id, Etag(enrolment), endDate, reasons.Length == 0 ? ["arbete-deltid"] : reasons, "ej-subventionerat-arbete", ["lon"]),
            Ct);

    protected static string Etag(Enrolment enrolment) => Etags.Of(enrolment.Version);

    protected static IEnumerable<string> Fields(ValidationFailedException ex) => ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal);

    protected static string Field(ValidationFailedException ex) => Assert.Single(ex.Violations).Field;
}

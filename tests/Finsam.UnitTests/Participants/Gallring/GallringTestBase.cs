using System.Text.Json;
using Finsam.IntegrationEvents;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Consents;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Application.Gallring;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Participants.Infrastructure;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Testing;

namespace Finsam.UnitTests.Participants.Gallring;

/// <summary>
/// Gallring over <see cref="ParticipantsHarness"/>: the real handlers and the real LiteDB store. People are
/// registered, given consent and enrolled through the registry, consent and enrolment handlers, with the clock
/// moved to each day the staff would have acted on; gallring itself runs "today", 2 March 2026.
/// </summary>
public abstract class GallringTestBase : IAsyncLifetime
{
    /// <summary>Gallring rules are set for these two in most tests, with different periods.</summary>
    protected const string Steget = "insats-steget";
    protected const string Vagen = "insats-vagen";

    /// <summary>Never given a rule.</summary>
    protected const string UtanRegel = "insats-utan-regel";

    protected static readonly DateOnly Today = new(2026, 3, 2);

    protected ParticipantsHarness Harness { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static AccessContext Admin => ParticipantsHarness.As(Roles.Administrator, "admin-gallring");

    /// <summary>Staff of every insats here; registers the people, so she may also record their consent.</summary>
    protected static AccessContext Staff => ParticipantsHarness.As(Roles.Samordnare, "samordnare-1", null, Steget, Vagen, UtanRegel);

    protected GallringHandlers Gallring => Harness.Get<GallringHandlers>();

    protected IParticipantRepository Participants => Harness.Get<IParticipantRepository>();

    protected IEnrolmentRepository Enrolments => Harness.Get<IEnrolmentRepository>();

    public async ValueTask InitializeAsync()
    {
        Harness = await ParticipantsHarness.StartAsync();
        At(Today);
        Harness.Catalogue.Add(Steget, budgetedPlaces: 50);
        Harness.Catalogue.Add(Vagen, budgetedPlaces: 50);
        Harness.Catalogue.Add(UtanRegel, budgetedPlaces: 50);
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();

    /// <summary>Moves the clock to 09:00 UTC on <paramref name="day"/>: the same calendar day in Stockholm.</summary>
    protected void At(DateOnly day) => Harness.Clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    protected async Task<Participant> RegisterAsync(DateOnly on, string? personnummer = null, string given = "Anna", string family = "Andersson")
    {
        At(on);
        try
        {
            return await Harness.Get<RegisterParticipantHandler>().HandleAsync(
                Staff, new RegisterParticipantCommand(null, personnummer ?? TestPersonnummer.Next(1980), given, family, Gender.Woman, false), Ct);
        }
        finally
        {
            At(Today);
        }
    }

    /// <summary>
    /// One stay through the real handlers: fresh consent given on the start day (a returning person needs it),
    /// the start, and, when <paramref name="end"/> is given, the avslut on that day. The clock follows along
    /// and is back on <see cref="Today"/> afterwards.
    /// </summary>
    protected async Task<Enrolment> StayAsync(
        Participant participant, string insatsId, DateOnly start, DateOnly? end, IReadOnlyList<string>? contactPersons = null, string? referralId = null)
    {
        try
        {
            At(start);
            await Harness.Get<ConsentHandlers>().GiveAsync(Staff, new GiveConsentCommand(participant.Id, [Agencies.Forsakringskassan, Agencies.Kommun], start), Ct);
            var enrolment = await Harness.Get<StartEnrolmentHandler>().HandleAsync(
                Staff,
                new StartEnrolmentCommand(
                    null, insatsId, participant.Id, null, referralId, start, contactPersons ?? ["Karin Berg"], ["sjukpenning", "forsorjningsstod"], "sjukskriven", "gymnasium", 4),
                Ct);
            if (end is { } endDate)
            {
                At(endDate);
                enrolment = await EndAsync(enrolment, endDate);
            }

            return enrolment;
        }
        finally
        {
            At(Today);
        }
    }

    protected Task<Enrolment> EndAsync(Enrolment enrolment, DateOnly endDate) =>
        Harness.Get<EndEnrolmentHandler>().HandleAsync(
            Staff, new EndEnrolmentCommand(enrolment.Id, Etags.Of(enrolment.Version), endDate, ["arbete-deltid"], "ej-subventionerat-arbete", ["lon"]), Ct);

    /// <summary>Registered in January 2019, one stay in <paramref name="insatsId"/> from 14 January to 28 June 2019.</summary>
    protected async Task<Participant> PersonWhoLeftIn2019Async(string insatsId = Steget, string? personnummer = null)
    {
        var participant = await RegisterAsync(new DateOnly(2019, 1, 10), personnummer);
        await StayAsync(participant, insatsId, new DateOnly(2019, 1, 14), new DateOnly(2019, 6, 28));
        return participant;
    }

    protected Task<GallringRule> RuleAsync(string insatsId, int years) => Gallring.SetRuleAsync(Admin, insatsId, years, Ct);

    protected Task<GallringRun> DryRunAsync(DateOnly? asOf = null) => Gallring.DryRunAsync(Admin, asOf, Ct);

    protected Task<GallringRun> ExecuteAsync(GallringRun dryRun) => Gallring.ExecuteAsync(Admin, dryRun.Id, Ct);

    protected static IReadOnlyList<string> Ids(GallringRun run) => run.Candidates.Select(c => c.ParticipantId).ToList();

    protected async Task<Participant> StoredAsync(Participant participant) => (await Participants.GetAsync(participant.Id, Ct))!;

    /// <summary>Every event waiting in the three outboxes, as type and JSON, so "unchanged" means unchanged.</summary>
    protected async Task<IReadOnlyList<string>> OutboxesAsync()
    {
        var all = new List<string>();
        foreach (var collection in new[] { ParticipantDocument.CollectionName, EnrolmentDocument.CollectionName, ReferralDocument.CollectionName })
        {
            all.AddRange((await Harness.PendingEventsAsync(collection)).Select(Describe));
        }

        return all;
    }

    private static string Describe(IIntegrationEvent integrationEvent) =>
        $"{integrationEvent.GetType().Name} {JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType())}";
}

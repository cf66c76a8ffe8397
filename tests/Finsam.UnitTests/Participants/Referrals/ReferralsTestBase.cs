using Finsam.IntegrationEvents;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Referrals;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Participants.Infrastructure;
using Finsam.Platform.Security;
using Finsam.Testing;

namespace Finsam.UnitTests.Participants.Referrals;

/// <summary>
/// The referral handlers over <see cref="ParticipantsHarness"/> (real LiteDB store, real access log), with
/// an insats of <see cref="BudgetedPlaces"/> budgeted places and helpers to register people and refer them.
/// </summary>
public abstract class ReferralsTestBase : IAsyncLifetime
{
    protected const string InsatsId = "insats-steget";
    protected const string OtherInsatsId = "insats-vagen";
    protected const int BudgetedPlaces = 2;

    protected ParticipantsHarness Harness { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The samordnare who registers the people; deliberately not staff of the insats.</summary>
    protected static AccessContext Registrar => ParticipantsHarness.As(Roles.Samordnare, "registrar");

    protected static AccessContext Fk => ParticipantsHarness.As(Roles.AgencySystem, "fk-system", Agencies.Forsakringskassan);

    protected static AccessContext Af => ParticipantsHarness.As(Roles.AgencySystem, "af-system", Agencies.Arbetsformedlingen);

    protected static AccessContext Staff => ParticipantsHarness.As(Roles.Deltagaransvarig, "staff-steget", null, InsatsId);

    protected static AccessContext OtherStaff => ParticipantsHarness.As(Roles.Samordnare, "staff-vagen", null, OtherInsatsId);

    protected static AccessContext Admin => ParticipantsHarness.As(Roles.Administrator, "admin");

    protected CreateReferralHandler Create => Harness.Get<CreateReferralHandler>();

    protected AcceptReferralHandler Accept => Harness.Get<AcceptReferralHandler>();

    protected DeclineReferralHandler Decline => Harness.Get<DeclineReferralHandler>();

    protected WithdrawReferralHandler Withdraw => Harness.Get<WithdrawReferralHandler>();

    protected GetReferralHandler Get => Harness.Get<GetReferralHandler>();

    protected GetReferralQueueHandler Queue => Harness.Get<GetReferralQueueHandler>();

    protected IReferralRepository Repository => Harness.Get<IReferralRepository>();

    public virtual async ValueTask InitializeAsync()
    {
        Harness = await ParticipantsHarness.StartAsync();
        Harness.Catalogue.Add(InsatsId, budgetedPlaces: BudgetedPlaces);
        Harness.Catalogue.Add(OtherInsatsId, budgetedPlaces: 5);
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();

    protected async Task<Participant> RegisterAsync(bool protectedIdentity = false) =>
        await Harness.Get<RegisterParticipantHandler>().HandleAsync(
            Registrar,
            new RegisterParticipantCommand(null, TestPersonnummer.Next(1988), "Maja", "Lindqvist", Gender.Woman, protectedIdentity),
            Ct);

    protected static CreateReferralCommand Command(
        string participantId,
        string? requestId = null,
        string? insatsId = InsatsId,
        string? agency = null,
        string? purpose = "Behöver stöd mot arbete efter lång sjukskrivning.",
        string? handlaggare = "Eva Handläggare",
        string? agencyReference = "FK-2026-0042",
        DateOnly? receivedOn = null) =>
        new(requestId, participantId, insatsId, agency, purpose, handlaggare, agencyReference, receivedOn);

    /// <summary>A new person referred by FK to the insats.</summary>
    protected async Task<Referral> ReferAsync(AccessContext? by = null, string insatsId = InsatsId)
    {
        var participant = await RegisterAsync();
        return (await Create.HandleAsync(by ?? Fk, Command(participant.Id, insatsId: insatsId), Ct)).Referral;
    }

    protected async Task<ReferralView> AcceptAsync(Referral referral, bool overCapacity = false, AccessContext? by = null) =>
        await Accept.HandleAsync(by ?? Staff, new AcceptReferralCommand(referral.Id, await EtagAsync(referral), overCapacity), Ct);

    /// <summary>The current etag, as a client that reads before deciding would send it.</summary>
    protected async Task<string> EtagAsync(Referral referral) => (await Repository.GetAsync(referral.Id, Ct))!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected async Task<Referral> StoredAsync(Referral referral) => (await Repository.GetAsync(referral.Id, Ct))!;

    protected Task<IReadOnlyList<IIntegrationEvent>> EventsAsync() => Harness.PendingEventsAsync(ReferralDocument.CollectionName);

    protected async Task<IReadOnlyList<AccessLogEntry>> LogAsync(string participantId) =>
        await Harness.Get<IAccessLog>().ListForParticipantAsync(participantId, Ct);
}

using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Platform.Security;
using Finsam.Testing;

namespace Finsam.UnitTests.Participants.Registry;

/// <summary>Callers and registrations the registry, consent and access-log tests share.</summary>
public static class RegistryTestData
{
    public const string RegistrarSubject = "samordnare-registrar";

    /// <summary>The samordnare who registers people in these tests (and so may read them back).</summary>
    public static AccessContext Registrar => ParticipantsHarness.As(Roles.Samordnare, RegistrarSubject);

    public static AccessContext Administrator => ParticipantsHarness.As(Roles.Administrator, "admin-1");

    public static AccessContext AgencySystem(string agency, string subject = "agency-system-1") =>
        ParticipantsHarness.As(Roles.AgencySystem, subject, agency);

    /// <summary>The roles that hold no personal data of participants.</summary>
    public static TheoryData<string> RolesWithoutPersonalData =>
        [Roles.Gruppledare, Roles.Insatsansvarig, Roles.Analytiker, Roles.Ledning, Roles.Forbundschef];

    public static async Task<Participant> RegisterAsync(
        this ParticipantsHarness harness,
        AccessContext? by = null,
        string? personnummer = null,
        bool protectedIdentity = false,
        Gender gender = Gender.Woman,
        string given = "Anna",
        string family = "Andersson")
    {
        var command = new RegisterParticipantCommand(
            Guid.NewGuid().ToString(), personnummer ?? TestPersonnummer.Next(1985), given, family, gender, protectedIdentity);
        return await harness.Get<RegisterParticipantHandler>().HandleAsync(by ?? Registrar, command, TestContext.Current.CancellationToken);
    }

    public static Task<IReadOnlyList<AccessLogEntry>> LogAsync(this ParticipantsHarness harness, string participantId) =>
        harness.Get<IAccessLog>().ListForParticipantAsync(participantId, TestContext.Current.CancellationToken);

    /// <summary>The newest entry about the person: the one the last call wrote.</summary>
    public static async Task<AccessLogEntry> LastLogEntryAsync(this ParticipantsHarness harness, string participantId) =>
        (await harness.LogAsync(participantId))[^1];
}

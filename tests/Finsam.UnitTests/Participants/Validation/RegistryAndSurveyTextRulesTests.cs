using Finsam.Participants.Application.Consents;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Application.Surveys;
using Finsam.Participants.Domain;
using Finsam.Participants.Domain.Surveys;
using Finsam.Platform.Errors;
using Finsam.UnitTests.Participants.Registry;

namespace Finsam.UnitTests.Participants.Validation;

/// <summary>
/// Names, correction reasons, consent ids and survey wording follow the shared rules: names and survey
/// wording are one line (survey wording had no check for control characters before), a reason spans lines,
/// and a consent id is validated before the person is loaded.
/// </summary>
public sealed class RegistryAndSurveyTextRulesTests : IAsyncLifetime
{
    private ParticipantsHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _harness = await ParticipantsHarness.StartAsync();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task A_name_with_a_lone_surrogate_is_refused()
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => _harness.Get<RegisterParticipantHandler>().HandleAsync(
            RegistryTestData.Registrar, new RegisterParticipantCommand(null, "19121212-1212", "Anna\udc00", "Andersson", Gender.Woman, false), Ct));

        Assert.Equal("given_name", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task A_correction_reason_keeps_its_lines_with_windows_line_breaks_as_newlines()
    {
        var participant = await _harness.RegisterAsync();

        var corrected = await _harness.Get<CorrectParticipantHandler>().HandleAsync(
            RegistryTestData.Registrar,
            new CorrectParticipantCommand(participant.Id, Etags.Of(participant.Version), "Anne", null, null, "Stavfel.\r\nEnligt id-handling."),
            Ct);

        Assert.Equal("Stavfel.\nEnligt id-handling.", Assert.Single(corrected.Corrections).Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("c 1")]
    public async Task Withdrawing_with_a_missing_or_malformed_consent_id_is_invalid_argument(string consentId)
    {
        var participant = await _harness.RegisterAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => _harness.Get<ConsentHandlers>().WithdrawAsync(
            RegistryTestData.Registrar, new WithdrawConsentCommand(participant.Id, consentId, null), Ct));

        Assert.Equal("consent_id", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task A_participant_id_with_whitespace_inside_is_invalid_argument_and_one_around_it_is_trimmed()
    {
        var participant = await _harness.RegisterAsync();
        var handler = _harness.Get<GetParticipantHandler>();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => handler.HandleAsync(RegistryTestData.Administrator, "p 1", Ct));
        var read = await handler.HandleAsync(RegistryTestData.Administrator, $" {participant.Id} ", Ct);

        Assert.Equal("participant_id", Assert.Single(ex.Violations).Field);
        Assert.Equal(participant.Id, read.Id);
    }

    [Fact]
    public void Control_characters_in_survey_wording_are_refused_naming_each_field()
    {
        var violations = new List<FieldViolation>();

        SurveyInstrumentRules.Validate(
            "Styrelsens\nindikatorer",
            [new SurveyQuestion("S1", "Har ni\tstrukturer?", [new SurveyOption("ja", "Ja\u0000"), new SurveyOption("nej", "Nej")])],
            violations);

        Assert.Equal(
            ["name", "questions[0].options[0].label", "questions[0].text"],
            violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }
}

using Finsam.Participants.Application.Surveys;
using Finsam.Participants.Domain;
using Finsam.Participants.Domain.Surveys;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using static Finsam.UnitTests.Participants.Surveys.SurveyTestData;

namespace Finsam.UnitTests.Participants.Surveys;

/// <summary>Instruments are versioned data: an administrator adds versions, and a stored version never changes.</summary>
public sealed class SurveyInstrumentDefinitionTests : IAsyncLifetime
{
    private ParticipantsHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await ParticipantsHarness.StartAsync();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private DefineSurveyInstrumentVersionHandler Define => _harness.Get<DefineSurveyInstrumentVersionHandler>();

    private GetSurveyInstrumentHandler Get => _harness.Get<GetSurveyInstrumentHandler>();

    [Fact]
    public async Task A_new_instrument_becomes_version_1_and_records_who_defined_it_when()
    {
        var defined = await Define.HandleAsync(Admin, Definition(), Ct);

        Assert.Equal(1, defined.Version);
        Assert.Equal(new Actor("admin-1", Roles.Administrator, null), defined.DefinedBy);
        Assert.Equal(ParticipantsHarness.DefaultNow.UtcDateTime, defined.DefinedAt);
        var read = await Get.HandleAsync(Staff, "styrelse-indikatorer", 0, Ct);
        Assert.Equal(["S1", "S2"], read.Questions.Select(q => q.Code));
        Assert.Equal(defined.DefinedAt, read.DefinedAt);
    }

    [Fact]
    public async Task Changed_wording_is_the_next_version_and_the_earlier_one_stays_as_it_was()
    {
        var v2 = await Define.HandleAsync(Admin, Definition(Nns, "Ny formulering av fråga ett?"), Ct);

        Assert.Equal(2, v2.Version);
        var v1 = await Get.HandleAsync(Staff, Nns, 1, Ct);
        Assert.Equal("Har du fått stöd på ett sätt som är till stor nytta för dig?", v1.Question("Q1")!.Text);
        Assert.Equal(NnsQuestionCodes, v1.Questions.Select(q => q.Code));
        Assert.Equal(2, (await Get.HandleAsync(Staff, Nns, 0, Ct)).Version);
        Assert.Equal("Ny formulering av fråga ett?", (await Get.HandleAsync(Staff, Nns, 2, Ct)).Question("S1")!.Text);
    }

    [Fact]
    public async Task Defining_the_latest_version_again_returns_it_instead_of_a_duplicate_version()
    {
        var first = await Define.HandleAsync(Admin, Definition(), Ct);
        var retried = await Define.HandleAsync(Admin, Definition(), Ct);

        Assert.Equal(first.Version, retried.Version);
        Assert.Single(await _harness.Get<ISurveyInstruments>().ListVersionsAsync("styrelse-indikatorer", Ct));
    }

    [Theory]
    [InlineData(Roles.Samordnare)]
    [InlineData(Roles.Analytiker)]
    [InlineData(Roles.Forbundschef)]
    [InlineData(Roles.Insatsansvarig)]
    public async Task Only_an_administrator_may_define_a_version(string role)
    {
        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => Define.HandleAsync(ParticipantsHarness.As(role, "x", null, Insats), Definition(), Ct));

        Assert.Equal("ROLE_NOT_ALLOWED", ex.Reason);
        Assert.Empty(await _harness.Get<ISurveyInstruments>().ListVersionsAsync("styrelse-indikatorer", Ct));
    }

    [Fact]
    public async Task Every_broken_field_of_a_definition_is_named_at_once()
    {
        var command = new DefineSurveyInstrumentVersionCommand("Inte En Slug", " ", [
            new SurveyQuestion("Q1", "Första?", [new SurveyOption("ja", "Ja"), new SurveyOption("ja", "Också ja")]),
            new SurveyQuestion("q1", "Samma kod i annan skiftläge?", [new SurveyOption("Ja", "Ja"), new SurveyOption("nej", " ")]),
            new SurveyQuestion("", "", [new SurveyOption("ja", "Ja")]),
        ]);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Define.HandleAsync(Admin, command, Ct));

        Assert.Equal(
            [
                "instrument_id", "name",
                "questions[0].options[1].code",
                "questions[1].code", "questions[1].options[0].code", "questions[1].options[1].label",
                "questions[2].code", "questions[2].text", "questions[2].options",
            ],
            ex.Violations.Select(v => v.Field));
        Assert.All(ex.Violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
    }

    [Fact]
    public async Task An_instrument_without_questions_is_refused()
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Define.HandleAsync(Admin, new DefineSurveyInstrumentVersionCommand("tom", "Tom enkät", []), Ct));

        Assert.Equal(["questions"], ex.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task Unknown_instrument_or_version_is_not_found()
    {
        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => Get.HandleAsync(Staff, "finns-inte", 0, Ct));
        var noVersion = await Assert.ThrowsAsync<NotFoundException>(() => Get.HandleAsync(Staff, Nns, 7, Ct));

        Assert.Equal(GetSurveyInstrumentHandler.ReasonNotFound, unknown.Reason);
        Assert.Contains("version 7", noVersion.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_shows_the_latest_version_of_each_instrument_a_page_at_a_time()
    {
        await Define.HandleAsync(Admin, Definition("a-forsta"), Ct);
        await Define.HandleAsync(Admin, Definition(Nns, "Version två?"), Ct);
        var list = _harness.Get<ListSurveyInstrumentsHandler>();

        var (first, token) = await list.HandleAsync(Staff, 1, null, Ct);
        var (second, end) = await list.HandleAsync(Staff, 1, token, Ct);

        Assert.Equal("a-forsta", Assert.Single(first).InstrumentId);
        var nns = Assert.Single(second);
        Assert.Equal((Nns, 2), (nns.InstrumentId, nns.Version));
        Assert.Null(end);
    }
}

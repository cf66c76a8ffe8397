using Finsam.Participants.Application.Surveys;
using Finsam.Participants.Infrastructure.Surveys;
using static Finsam.UnitTests.Participants.Surveys.SurveyTestData;

namespace Finsam.UnitTests.Participants.Surveys;

/// <summary>The NNS deltagarenkät ships as a data file and is stored at start, once, and never overwritten.</summary>
public sealed class SurveyInstrumentSeedTests : IAsyncLifetime
{
    private ParticipantsHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await ParticipantsHarness.StartAsync();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private Task<long> StoredVersionsAsync() => DocumentSurveyInstruments.Collection(_harness.Store).CountAsync(null, Ct);

    [Fact]
    public async Task The_nns_deltagarenkat_is_stored_after_start_with_the_domain_wording_and_scales()
    {
        var instrument = await _harness.Get<GetSurveyInstrumentHandler>().HandleAsync(Staff, Nns, 0, Ct);

        Assert.Equal(1, instrument.Version);
        Assert.Null(instrument.DefinedAt);
        Assert.Null(instrument.DefinedBy);
        Assert.Equal(NnsQuestionCodes, instrument.Questions.Select(q => q.Code));
        Assert.Equal("Har du fått stöd på ett sätt som är till stor nytta för dig?", instrument.Question("Q1")!.Text);
        Assert.Equal("Känner du dig mer redo att kunna arbeta eller studera jämfört med innan du fick kontakt med oss?", instrument.Question("Q6")!.Text);
        Assert.Equal("Har ni påbörjat en planering för vad som ska hända efter att nuvarande stöd har upphört?", instrument.Question("Q8")!.Text);
        Assert.Equal("Kommer det som är planerat att påbörjas inom rimlig tid?", instrument.Question("Q10")!.Text);

        string[] frequency = ["Aldrig", "Sällan", "Ibland", "Ofta", "För det mesta", "Alltid"];
        string[] degree = ["Inte alls", "Till liten del", "Delvis", "Till stor del", "Till mycket stor del", "Helt och hållet"];
        foreach (var code in new[] { "Q1", "Q2", "Q3" })
        {
            Assert.Equal(frequency, instrument.Question(code)!.Options.Select(o => o.Label));
        }

        foreach (var code in new[] { "Q5", "Q6", "Q7", "Q9", "Q10" })
        {
            Assert.Equal(degree, instrument.Question(code)!.Options.Select(o => o.Label));
        }

        Assert.Equal(["ja", "nej"], instrument.Question("Q8")!.Options.Select(o => o.Code));
        Assert.Equal(["aldrig", "sallan", "ibland", "ofta", "for-det-mesta", "alltid"], instrument.Question("Q1")!.Options.Select(o => o.Code));
        Assert.All(instrument.Questions.SelectMany(q => q.Options), o => Assert.True(SurveyInstrumentRules.IsSlug(o.Code), o.Code));
    }

    [Fact]
    public async Task Seeding_again_is_idempotent_and_never_overwrites_the_stored_version()
    {
        // Stands for a stored version whose file was later edited by mistake: the stored one must win.
        var collection = DocumentSurveyInstruments.Collection(_harness.Store);
        var stored = (await collection.GetAsync(SurveyInstrumentDocument.IdOf(Nns, 1), Ct))!;
        stored.Name = "Som den lagrades";
        Assert.True(await collection.ReplaceAsync(stored, stored.Version, Ct));

        // A second start of the service runs the same initializer over the same store.
        await SurveyInstrumentSeed.EnsureSeededAsync(_harness.Store, Ct);
        await SurveyInstrumentSeed.EnsureSeededAsync(_harness.Store, Ct);

        Assert.Equal(1, await StoredVersionsAsync());
        var instrument = await _harness.Get<ISurveyInstruments>().GetAsync(Nns, 1, Ct);
        Assert.Equal("Som den lagrades", instrument!.Name);
    }

    [Fact]
    public void Every_embedded_seed_file_is_a_valid_instrument()
    {
        var seeds = SurveyInstrumentSeed.Load();

        var nns = Assert.Single(seeds, s => s.InstrumentId == Nns);
        Assert.Equal(1, nns.Version);
    }

    [Fact]
    public void A_broken_seed_file_stops_the_start_naming_the_file_and_the_fields()
    {
        const string json = """
            {
              "instrumentId": "Trasig Enkät",
              "version": 1,
              "name": "Trasig",
              "questions": [
                { "code": "Q1", "text": "Fråga", "scale": "saknas" },
                { "code": "Q2", "text": "", "options": [ { "code": "Ja", "label": "Ja" }, { "code": "nej", "label": "Nej" } ] }
              ],
              "scales": {}
            }
            """;

        var ex = Assert.Throws<InvalidOperationException>(() => SurveyInstrumentSeed.Parse("trasig.v1.json", json));

        Assert.Contains("trasig.v1.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("instrument_id", ex.Message, StringComparison.Ordinal);
        Assert.Contains("questions[0].scale", ex.Message, StringComparison.Ordinal);
        Assert.Contains("questions[1].text", ex.Message, StringComparison.Ordinal);
        Assert.Contains("questions[1].options[0].code", ex.Message, StringComparison.Ordinal);
    }
}

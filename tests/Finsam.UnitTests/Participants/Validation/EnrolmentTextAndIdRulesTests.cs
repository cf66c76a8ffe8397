using Finsam.Participants.Application.Enrolments;
using Finsam.Platform.Errors;
using Finsam.UnitTests.Participants.Enrolments;

namespace Finsam.UnitTests.Participants.Validation;

/// <summary>
/// The enrolment handlers follow the shared rules: huvudmål, results and notes span lines (a Windows line
/// break, refused before, is now stored as "\n"); a scale and list items are one line; ids are checked alike.
/// </summary>
public sealed class EnrolmentTextAndIdRulesTests : EnrolmentTestBase
{
    private RecordPlanHandler Plan => Harness.Get<RecordPlanHandler>();

    private RecordAssessmentHandlers Assessments => Harness.Get<RecordAssessmentHandlers>();

    [Fact]
    public async Task A_huvudmal_with_windows_line_breaks_is_stored_with_newlines()
    {
        var enrolment = await EnrolledAsync(new DateOnly(2026, 2, 2));

        var changed = await Plan.HandleAsync(
            Staff,
            new RecordPlanCommand(enrolment.Id, Etag(enrolment), Today, "work", "Arbete på deltid\r\ninom ett år", ["Praktik"], [], null),
            Ct);

        Assert.Equal("Arbete på deltid\ninom ett år", Assert.Single(changed.Plans).Huvudmal);
    }

    [Fact]
    public async Task A_scale_is_one_line_and_a_list_item_holds_no_broken_character()
    {
        var enrolment = await EnrolledAsync(new DateOnly(2026, 2, 2));

        var scale = await Assert.ThrowsAsync<ValidationFailedException>(() => Assessments.RecordStaffAsync(
            Staff, new RecordAssessmentCommand(enrolment.Id, Etag(enrolment), "DOA", "2", "1\n4", Today, "3"), Ct));
        var delmal = await Assert.ThrowsAsync<ValidationFailedException>(() => Plan.HandleAsync(
            Staff, new RecordPlanCommand(enrolment.Id, Etag(enrolment), Today, "work", "Arbete", ["Praktik \ud83d"], [], null), Ct));

        Assert.Equal("scale", Field(scale));
        Assert.Equal("delmal", Field(delmal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("e 1")]
    [InlineData("e\u00001")]
    public async Task A_malformed_enrolment_id_is_invalid_argument_on_enrolment_id(string enrolmentId)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.Get<GetEnrolmentHandlers>().GetAsync(Staff, enrolmentId, Ct));

        Assert.Equal("enrolment_id", Field(ex));
    }

    [Fact]
    public async Task An_insats_id_with_whitespace_inside_is_refused_at_the_start()
    {
        var participant = await ConsentingPersonAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(Identified(participant.Id, insatsId: "insats a")));

        Assert.Equal("insats_id", Field(ex));
    }
}

using Finsam.Participants.Application.Referrals;
using Finsam.Platform.Errors;
using Finsam.UnitTests.Participants.Referrals;

namespace Finsam.UnitTests.Participants.Validation;

/// <summary>
/// The referral handlers follow the shared rules: the purpose and a decline note span lines (a Windows line
/// break is stored as "\n"), the handläggare and the agency reference are one line, and ids are trimmed and
/// refused with whitespace inside before anything is looked up.
/// </summary>
public sealed class ReferralTextAndIdRulesTests : ReferralsTestBase
{
    [Fact]
    public async Task A_purpose_keeps_its_lines_and_windows_line_breaks_become_newlines()
    {
        var participant = await RegisterAsync();

        var view = await Create.HandleAsync(Fk, Command(participant.Id, purpose: "Bakgrund:\r\nlång sjukskrivning.\r\n\r\nMål: arbete."), Ct);

        Assert.Equal("Bakgrund:\nlång sjukskrivning.\n\nMål: arbete.", (await StoredAsync(view.Referral)).Purpose);
    }

    [Fact]
    public async Task Tabs_and_line_breaks_in_one_line_fields_and_tabs_in_the_purpose_are_refused()
    {
        var participant = await RegisterAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Create.HandleAsync(
            Fk, Command(participant.Id, purpose: "Stöd\tmot arbete", handlaggare: "Eva\nHandläggare", agencyReference: "FK\t2026"), Ct));

        Assert.Equal(["agency_reference", "handlaggare", "purpose"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task Ids_with_whitespace_inside_are_invalid_argument_not_not_found()
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Create.HandleAsync(Fk, Command("p 1", insatsId: "insats steget"), Ct));

        Assert.Equal(["insats_id", "participant_id"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ids_are_trimmed_before_they_are_looked_up()
    {
        var referral = await ReferAsync();

        var read = await Get.HandleAsync(Staff, $"  {referral.Id} ", Ct);
        var queue = await Queue.HandleAsync(Staff, $" {InsatsId}\t", Ct);

        Assert.Equal(referral.Id, read.Referral.Id);
        Assert.Equal(InsatsId, queue.InsatsId);
    }

    [Fact]
    public async Task A_decline_note_may_span_lines_but_not_hold_other_control_characters()
    {
        var referral = await ReferAsync();
        var etag = await EtagAsync(referral);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Decline.HandleAsync(
            Staff, new DeclineReferralCommand(referral.Id, etag, "tackar-nej", "Rad ett\r\nrad\ttvå"), Ct));
        Assert.Equal("note", Assert.Single(ex.Violations).Field);

        await Decline.HandleAsync(
            Staff, new DeclineReferralCommand(referral.Id, etag, "tackar-nej", "Rad ett\r\nrad två"), Ct);
        Assert.Equal("Rad ett\nrad två", (await StoredAsync(referral)).DeclineNote);
    }
}

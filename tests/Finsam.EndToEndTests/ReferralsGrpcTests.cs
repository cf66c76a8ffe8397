using System.Net.Http.Json;
using Finsam.Platform.Security;
using Finsam.Protos.Activities.V1;
using Finsam.Protos.Participants.V1;
using Finsam.Testing;
using Google.Rpc;
using Grpc.Core;

namespace Finsam.EndToEndTests;

/// <summary>Referrals as native gRPC through the gateway's HTTP/2 port; the queue they build is the one REST shows.</summary>
[Collection(SystemCollection.Name)]
public sealed class ReferralsGrpcTests(FinsamSystem system)
{
    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(20));

    [Fact]
    public async Task Refer_queue_and_decide_over_grpc_with_the_queue_order_visible_over_rest()
    {
        var insats = await new ActivitiesService.ActivitiesServiceClient(system.AdminGrpc).DefineInsatsAsync(new DefineInsatsRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = $"Mitt Val {Guid.NewGuid():N}",
            Kind = InsatsKind.GroupCourse,
            BudgetedPlaces = 1,
        }, Options);
        var registry = new ParticipantsService.ParticipantsServiceClient(system.Grpc);
        var staffToken = system.Token(Roles.Deltagaransvarig, insatser: [insats.InsatsId]);
        using var afChannel = system.GrpcAs(system.Token(Roles.AgencySystem, agency: "af"));
        using var staffChannel = system.GrpcAs(staffToken);
        var af = new ReferralsService.ReferralsServiceClient(afChannel);
        var staff = new ReferralsService.ReferralsServiceClient(staffChannel);

        var referrals = new List<Referral>();
        for (var i = 0; i < 3; i++)
        {
            var participant = await registry.RegisterParticipantAsync(new RegisterParticipantRequest
            {
                Personnummer = TestPersonnummer.Next(1995),
                GivenName = "Ali",
                FamilyName = "Hassan",
                Gender = Gender.Man,
            }, Options);
            system.CountRegistration();
            referrals.Add(await af.CreateReferralAsync(new CreateReferralRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                ParticipantId = participant.ParticipantId,
                InsatsId = insats.InsatsId,
                Purpose = "Ung vuxen, behöver stöd till studier.",
                ReceivedOn = new Google.Type.Date { Year = 2026, Month = 1, Day = 15 },
            }, Options));
        }

        Assert.All(referrals, r => Assert.Equal("af", r.Agency));
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 1, Day = 15 }, referrals[0].ReceivedOn);

        var decided = new List<Referral>();
        foreach (var referral in referrals)
        {
            decided.Add(await staff.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referral.ReferralId, Etag = referral.Etag }, Options));
        }

        Assert.Equal(["accepted", "queued", "queued"], decided.Select(r => r.Status));
        Assert.Equal([0, 1, 2], decided.Select(r => r.QueuePosition));

        var queue = await staff.GetReferralQueueAsync(new GetReferralQueueRequest { InsatsId = insats.InsatsId }, Options);
        Assert.Equal([referrals[1].ReferralId, referrals[2].ReferralId], queue.Referrals.Select(r => r.ReferralId));
        using (var rest = system.RestAs(staffToken))
        {
            var overRest = await rest.GetFromJsonAsync<ReferralQueueJson>($"/v1/referral-queues/{insats.InsatsId}", TestContext.Current.CancellationToken);
            Assert.Equal(queue.Referrals.Select(r => (r.ReferralId, r.QueuePosition)), overRest!.Referrals!.Select(r => (r.ReferralId, r.QueuePosition)));
            Assert.Equal((1, 1), (overRest.BudgetedPlaces, overRest.PlacesInUse));
        }

        // The head waits for a free place: FAILED_PRECONDITION with a stable reason.
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await staff.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = decided[1].ReferralId, Etag = decided[1].Etag }, Options));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal("NO_FREE_PLACE", ex.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);

        // The agency withdraws the head; the next referral moves up.
        var withdrawn = await af.WithdrawReferralAsync(new WithdrawReferralRequest { ReferralId = decided[1].ReferralId, Etag = decided[1].Etag }, Options);
        Assert.Equal("withdrawn", withdrawn.Status);
        var moved = await staff.GetReferralAsync(new GetReferralRequest { ReferralId = referrals[2].ReferralId }, Options);
        Assert.Equal(1, moved.QueuePosition);

        // An unknown decline reason names the field and the allowed codes.
        var invalid = await Assert.ThrowsAsync<RpcException>(async () =>
            await staff.DeclineReferralAsync(new DeclineReferralRequest { ReferralId = moved.ReferralId, Etag = moved.Etag, Reason = "nej" }, Options));
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        var violation = Assert.Single(invalid.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("reason", violation.Field);
        Assert.Contains("utanfor-malgrupp", violation.Description, StringComparison.Ordinal);
    }
}

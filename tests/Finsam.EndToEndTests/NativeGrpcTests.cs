using Finsam.Protos.Activities.V1;
using Finsam.Protos.Participants.V1;
using Finsam.Protos.Reporting.V1;
using Finsam.Testing;
using Google.Rpc;
using Grpc.Core;

namespace Finsam.EndToEndTests;

/// <summary>The same methods as native gRPC through the gateway's HTTP/2 port.</summary>
[Collection(SystemCollection.Name)]
public sealed class NativeGrpcTests(FinsamSystem system)
{
    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(20));

    [Fact]
    public async Task Register_read_and_summarize_over_grpc()
    {
        var participants = new ParticipantsService.ParticipantsServiceClient(system.Grpc);
        var reporting = new ReportingService.ReportingServiceClient(system.Grpc);
        var before = await system.SettledSummaryAsync();

        var created = await participants.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Personnummer = TestPersonnummer.Next(1982).Replace("-", "", StringComparison.Ordinal),
            GivenName = "Johan",
            FamilyName = "Sjöberg",
            Gender = Gender.Man,
        }, Options);

        system.CountRegistration();
        Assert.Equal(1982, created.BirthYear);
        var read = await participants.GetParticipantAsync(new GetParticipantRequest { ParticipantId = created.ParticipantId }, Options);
        Assert.Equal(created.ParticipantId, read.ParticipantId);
        Assert.Equal(Gender.Man, read.Gender);

        await Eventually.ReturnsAsync(
            async () => await reporting.GetSummaryAsync(new GetSummaryRequest(), Options),
            s => s.Men == before.Men + 1 && s.RegisteredParticipants == before.RegisteredParticipants + 1,
            TimeSpan.FromSeconds(30),
            "the gRPC registration to reach reporting");
    }

    [Fact]
    public async Task Invalid_argument_carries_bad_request_field_violations()
    {
        var participants = new ParticipantsService.ParticipantsServiceClient(system.Grpc);
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await participants.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            Personnummer = "19990230-1234",
            GivenName = "Test",
            FamilyName = "Person",
            Gender = Gender.Woman,
        }, Options));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var badRequest = ex.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        var violation = Assert.Single(badRequest.FieldViolations);
        Assert.Equal("personnummer", violation.Field);
        Assert.Contains("datum", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_is_already_exists_with_error_info()
    {
        var participants = new ParticipantsService.ParticipantsServiceClient(system.Grpc);
        var request = new RegisterParticipantRequest
        {
            Personnummer = TestPersonnummer.Next(1960),
            GivenName = "Kim",
            FamilyName = "Ek",
            Gender = Gender.Other,
        };
        await participants.RegisterParticipantAsync(request, Options);
        system.CountRegistration();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await participants.RegisterParticipantAsync(request, Options));
        Assert.Equal(StatusCode.AlreadyExists, ex.StatusCode);
        Assert.Equal("PERSONNUMMER_ALREADY_REGISTERED", ex.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task Activities_catalogue_over_grpc_and_rest()
    {
        var activities = new ActivitiesService.ActivitiesServiceClient(system.AdminGrpc);
        var name = $"Mitt Val {Guid.NewGuid():N}";
        var defined = await activities.DefineInsatsAsync(new DefineInsatsRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = name,
            Kind = InsatsKind.GroupCourse,
            BudgetedPlaces = 10,
        }, Options);

        var viaRest = await system.GetJsonAsync<InsatsJson>($"/v1/activities/insatser/{defined.InsatsId}");
        Assert.Equal(name, viaRest.Name);
        Assert.Equal("INSATS_KIND_GROUP_COURSE", viaRest.Kind);

        var all = new List<Insats>();
        var token = "";
        do
        {
            var page = await activities.ListInsatserAsync(new ListInsatserRequest { PageSize = 1, PageToken = token }, Options);
            all.AddRange(page.Insatser);
            token = page.NextPageToken;
        }
        while (token != "");
        Assert.Contains(all, i => i.InsatsId == defined.InsatsId);
        Assert.Equal(all.Count, all.Select(i => i.InsatsId).Distinct().Count());

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await activities.DefineInsatsAsync(new DefineInsatsRequest { Name = " ", BudgetedPlaces = -1 }, Options));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["budgeted_places", "kind", "name"], ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }
}

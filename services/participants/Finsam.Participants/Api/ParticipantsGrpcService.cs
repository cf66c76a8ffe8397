using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Consents;
using Finsam.Participants.Application.Registry;
using Finsam.Platform.Errors;
using Finsam.Platform.Grpc;
using Finsam.Protos.Participants.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ProtoGender = Finsam.Protos.Participants.V1.Gender;
using ProtoParticipant = Finsam.Protos.Participants.V1.Participant;

namespace Finsam.Participants.Api;

/// <summary>finsam.participants.v1.ParticipantsService: gRPC, and REST through JSON transcoding.</summary>
[Authorize]
public sealed class ParticipantsGrpcService(
    RegisterParticipantHandler register,
    GetParticipantHandler get,
    GetParticipantIdentityHandler getIdentity,
    SearchParticipantsHandler search,
    CorrectParticipantHandler correct,
    GetParticipantHistoryHandler history,
    ConsentHandlers consents,
    GetAccessLogExtractHandler accessLog)
    : ParticipantsService.ParticipantsServiceBase
{
    public override async Task<ProtoParticipant> RegisterParticipant(RegisterParticipantRequest request, ServerCallContext context)
    {
        var participant = await register.HandleAsync(
            context.GetAccessContext(),
            new RegisterParticipantCommand(
                request.RequestId, request.Personnummer, request.GivenName, request.FamilyName, ToDomain(request.Gender), request.ProtectedIdentity),
            context.CancellationToken);
        return ToProto(participant);
    }

    public override async Task<ProtoParticipant> GetParticipant(GetParticipantRequest request, ServerCallContext context) =>
        ToProto(await get.HandleAsync(context.GetAccessContext(), request.ParticipantId, context.CancellationToken));

    public override async Task<ParticipantIdentity> GetParticipantIdentity(GetParticipantIdentityRequest request, ServerCallContext context)
    {
        var participant = await getIdentity.HandleAsync(context.GetAccessContext(), request.ParticipantId, context.CancellationToken);
        return new ParticipantIdentity
        {
            ParticipantId = participant.Id,
            Personnummer = participant.Personnummer!.Value,
            GivenName = participant.Name!.Given,
            FamilyName = participant.Name.Family,
        };
    }

    public override async Task<SearchParticipantsResponse> SearchParticipants(SearchParticipantsRequest request, ServerCallContext context)
    {
        var found = await search.HandleAsync(context.GetAccessContext(), request.Personnummer, context.CancellationToken);
        return new SearchParticipantsResponse { Participants = { found.Select(ToProto) } };
    }

    public override async Task<ProtoParticipant> CorrectParticipant(CorrectParticipantRequest request, ServerCallContext context) =>
        ToProto(await correct.HandleAsync(
            context.GetAccessContext(),
            new CorrectParticipantCommand(request.ParticipantId, request.Etag, request.GivenName, request.FamilyName, ToDomain(request.Gender), request.Reason),
            context.CancellationToken));

    public override async Task<History> GetParticipantHistory(GetParticipantHistoryRequest request, ServerCallContext context) =>
        HistoryMapping.ToProto(await history.HandleAsync(context.GetAccessContext(), request.ParticipantId, context.CancellationToken));

    public override async Task<Consent> GiveConsent(GiveConsentRequest request, ServerCallContext context)
    {
        var consent = await consents.GiveAsync(
            context.GetAccessContext(),
            new GiveConsentCommand(request.ParticipantId, request.Agencies, ProtoDates.ToDateOnly(request.GivenOn, "given_on"), request.RequestId),
            context.CancellationToken);
        return ToProto(request.ParticipantId, consent);
    }

    public override async Task<Consent> WithdrawConsent(WithdrawConsentRequest request, ServerCallContext context)
    {
        var consent = await consents.WithdrawAsync(
            context.GetAccessContext(),
            new WithdrawConsentCommand(request.ParticipantId, request.ConsentId, ProtoDates.ToDateOnly(request.WithdrawnOn, "withdrawn_on")),
            context.CancellationToken);
        return ToProto(request.ParticipantId, consent);
    }

    public override async Task<ListConsentsResponse> ListConsents(ListConsentsRequest request, ServerCallContext context)
    {
        var (participant, list) = await consents.ListAsync(context.GetAccessContext(), request.ParticipantId, context.CancellationToken);
        return new ListConsentsResponse { Consents = { list.Select(c => ToProto(participant.Id, c)) } };
    }

    public override async Task<AccessLogExtract> GetAccessLogExtract(GetAccessLogExtractRequest request, ServerCallContext context)
    {
        var entries = await accessLog.HandleAsync(context.GetAccessContext(), request.ParticipantId, context.CancellationToken);
        return new AccessLogExtract
        {
            ParticipantId = request.ParticipantId,
            Entries =
            {
                entries.Select(e => new Protos.Participants.V1.AccessLogEntry
                {
                    At = Timestamp.FromDateTime(e.At),
                    Subject = e.Subject,
                    Role = e.Role,
                    Agency = e.Agency ?? "",
                    Action = e.Action,
                    Purpose = e.Purpose,
                    Outcome = e.Outcome == AccessOutcome.Allowed ? "allowed" : "denied",
                }),
            },
        };
    }

    private static Domain.Gender? ToDomain(ProtoGender gender) => gender switch
    {
        ProtoGender.Woman => Domain.Gender.Woman,
        ProtoGender.Man => Domain.Gender.Man,
        ProtoGender.Other => Domain.Gender.Other,
        _ => null,
    };

    private static Consent ToProto(string participantId, Domain.Consent consent) => new()
    {
        ConsentId = consent.Id,
        ParticipantId = participantId,
        Agencies = { consent.Agencies },
        GivenOn = ProtoDates.ToProto(consent.GivenOn),
        WithdrawnOn = ProtoDates.ToProto(consent.WithdrawnOn),
        Active = consent.WithdrawnOn is null,
    };

    // Deliberately without personnummer and name: the id stands for the person outside the registry.
    public static ProtoParticipant ToProto(Domain.Participant participant) => new()
    {
        ParticipantId = participant.Id,
        Gender = participant.Gender switch
        {
            Domain.Gender.Woman => ProtoGender.Woman,
            Domain.Gender.Man => ProtoGender.Man,
            _ => ProtoGender.Other,
        },
        BirthYear = participant.BirthYear,
        RegisteredAt = Timestamp.FromDateTime(participant.RegisteredAt),
        Samordningsnummer = participant.IsSamordningsnummer,
        ProtectedIdentity = participant.ProtectedIdentity,
        IdentityRemoved = participant.IdentityRemovedAt is not null,
        Etag = Etags.Of(participant.Version),
    };
}

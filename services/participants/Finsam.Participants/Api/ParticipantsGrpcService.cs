using Finsam.Participants.Application;
using Finsam.Participants.Domain;
using Finsam.Protos.Participants.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ProtoGender = Finsam.Protos.Participants.V1.Gender;
using ProtoParticipant = Finsam.Protos.Participants.V1.Participant;

namespace Finsam.Participants.Api;

/// <summary>finsam.participants.v1.ParticipantsService: gRPC, and REST through JSON transcoding.</summary>
public sealed class ParticipantsGrpcService(RegisterParticipantHandler register, GetParticipantHandler get)
    : ParticipantsService.ParticipantsServiceBase
{
    public override async Task<ProtoParticipant> RegisterParticipant(RegisterParticipantRequest request, ServerCallContext context)
    {
        var participant = await register.HandleAsync(
            new RegisterParticipantCommand(request.RequestId, request.Personnummer, request.GivenName, request.FamilyName, ToDomain(request.Gender)),
            context.CancellationToken);
        return ToProto(participant);
    }

    public override async Task<ProtoParticipant> GetParticipant(GetParticipantRequest request, ServerCallContext context) =>
        ToProto(await get.HandleAsync(request.ParticipantId, context.CancellationToken));

    private static Domain.Gender? ToDomain(ProtoGender gender) => gender switch
    {
        ProtoGender.Woman => Domain.Gender.Woman,
        ProtoGender.Man => Domain.Gender.Man,
        ProtoGender.Other => Domain.Gender.Other,
        _ => null,
    };

    // Deliberately without personnummer and name: the id stands for the person outside the registry.
    private static ProtoParticipant ToProto(Domain.Participant participant) => new()
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
        Samordningsnummer = participant.Personnummer.IsSamordningsnummer,
    };
}

using Finsam.Activities.Application.Bookings;
using Finsam.Platform.Security;
using Finsam.Protos.Activities.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ProtoBooking = Finsam.Protos.Activities.V1.Booking;

namespace Finsam.Activities.Api;

/// <summary>finsam.activities.v1.BookingsService: gRPC, and REST through JSON transcoding.</summary>
[Authorize]
public sealed class BookingsGrpcService(BookParticipantHandler book, CancelBookingHandler cancel, GetRosterHandler roster)
    : BookingsService.BookingsServiceBase
{
    public override async Task<ProtoBooking> BookParticipant(BookParticipantRequest request, ServerCallContext context) =>
        BookingsMapping.ToProto(await book.HandleAsync(
            context.GetCaller(),
            new BookParticipantCommand(request.GroupId, request.RequestId, request.ParticipantId),
            context.CancellationToken));

    public override async Task<ProtoBooking> CancelBooking(CancelBookingRequest request, ServerCallContext context) =>
        BookingsMapping.ToProto(await cancel.HandleAsync(
            context.GetCaller(),
            new CancelBookingCommand(request.GroupId, request.BookingId, request.Reason),
            context.CancellationToken));

    public override async Task<Roster> GetRoster(GetRosterRequest request, ServerCallContext context) =>
        BookingsMapping.ToProto(await roster.HandleAsync(context.GetCaller(), request.GroupId, context.CancellationToken));
}

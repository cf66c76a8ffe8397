using Finsam.Protos.Participants.V1;
using Google.Protobuf.WellKnownTypes;

namespace Finsam.Participants.Api;

/// <summary>The corrections history as the API shows it, for every resource that keeps one.</summary>
public static class HistoryMapping
{
    public static History ToProto(IEnumerable<Domain.Correction> corrections) => new()
    {
        Corrections =
        {
            corrections.Select(c => new Correction
            {
                Field = c.Field,
                OldValue = c.OldValue,
                NewValue = c.NewValue,
                ChangedBy = c.ChangedBy.Subject,
                ChangedByRole = c.ChangedBy.Role,
                ChangedAt = Timestamp.FromDateTime(c.ChangedAt),
                Reason = c.Reason,
            }),
        },
    };
}

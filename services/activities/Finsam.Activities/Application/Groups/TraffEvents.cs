using Finsam.Activities.Application.Formats;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents.Activities.V1;

namespace Finsam.Activities.Application.Groups;

/// <summary>How träffar and groups appear in events: numbers, days and times, never themes or reasons.</summary>
public static class TraffEvents
{
    public static ScheduledTraff Scheduled(Traff traff) =>
        new(traff.Id, traff.Number, traff.Date, TraffTimes.Format(traff.StartTime), traff.LengthMinutes);

    public static string DeliveryCode(Delivery delivery) => delivery == Delivery.Digital ? "digital" : "physical";
}

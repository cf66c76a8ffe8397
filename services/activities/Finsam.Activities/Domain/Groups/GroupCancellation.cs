namespace Finsam.Activities.Domain.Groups;

/// <summary>Why a group was cancelled, who did it and when. The reason is free text and stays in this service.</summary>
public sealed record GroupCancellation(string CancelledBy, DateTime CancelledAt, string Reason);

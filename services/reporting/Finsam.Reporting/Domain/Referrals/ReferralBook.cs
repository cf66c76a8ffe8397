using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Referrals;

/// <summary>
/// Every referral by id: the facts it came with and its latest status. Idempotent and order-independent: a status
/// replaces the held one only when it occurred later (<see cref="FactVersion"/>; a tie goes to the status further
/// along, see <see cref="ReferralStatuses.Rank"/>), and ReferralReceived itself counts as the "received" status at
/// the instant it occurred, so a queue or a decision that occurred after it always wins.
/// </summary>
public sealed class ReferralBook : ReadModelBook<Referral>
{
    public override string Kind => "referrals";

    public override void Apply(IIntegrationEvent integrationEvent, ISet<string> changed)
    {
        switch (integrationEvent)
        {
            case ReferralReceived e:
                Update(e.ReferralId, current => WithReceived(current ?? new Referral(e.ReferralId), e), changed);
                break;
            case ReferralQueued e:
                KeepStatus(e.ReferralId, new ReferralStatusFact(ReferralStatuses.Queued, null, e.InsatsId), e.OccurredAt, changed);
                break;
            case ReferralAccepted e:
                KeepStatus(e.ReferralId, new ReferralStatusFact(ReferralStatuses.Accepted, null, e.InsatsId), e.OccurredAt, changed);
                break;
            case ReferralDeclined e:
                KeepStatus(e.ReferralId, new ReferralStatusFact(ReferralStatuses.Declined, e.Reason, e.InsatsId), e.OccurredAt, changed);
                break;
            case ReferralWithdrawn e:
                KeepStatus(e.ReferralId, new ReferralStatusFact(ReferralStatuses.Withdrawn, null, e.InsatsId), e.OccurredAt, changed);
                break;
        }
    }

    private static Referral WithReceived(Referral referral, ReferralReceived e)
    {
        var facts = new ReferralReceivedFacts(e.ParticipantId, e.InsatsId, e.Agency, e.ReceivedOn);
        var version = new FactVersion(e.OccurredAt, false, FactVersion.KeyOf(facts.ParticipantId, facts.InsatsId, facts.Agency, facts.ReceivedOn));
        if (FactVersion.Supersedes(version, referral.ReceivedVersion))
        {
            referral = referral with { Received = facts, ReceivedVersion = version };
        }

        return WithStatus(referral, new ReferralStatusFact(ReferralStatuses.Received, null, e.InsatsId), e.OccurredAt);
    }

    private void KeepStatus(string referralId, ReferralStatusFact status, DateTime occurredAt, ISet<string> changed) =>
        Update(referralId, current => WithStatus(current ?? new Referral(referralId), status, occurredAt), changed);

    private static Referral WithStatus(Referral referral, ReferralStatusFact status, DateTime occurredAt)
    {
        var version = new FactVersion(occurredAt, false, FactVersion.KeyOf(ReferralStatuses.Rank(status.Status), status.Status, status.DeclineReason, status.InsatsId));
        return FactVersion.Supersedes(version, referral.StatusVersion) ? referral with { StatusFact = status, StatusVersion = version } : referral;
    }
}

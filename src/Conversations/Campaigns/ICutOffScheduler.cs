namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// Arranges for a published campaign to be cut off (<see cref="CampaignCutOff"/>) at its
/// <c>closesAt</c>. The job store lives outside the domain (src/Jobs); the domain only asks.
/// </summary>
public interface ICutOffScheduler
{
    void ScheduleCutOff(long campaignId, DateTimeOffset closesAt);
}

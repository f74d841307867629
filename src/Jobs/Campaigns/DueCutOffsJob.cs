using GroupBuy.Conversations.Campaigns;

namespace GroupBuy.Jobs.Campaigns;

/// <summary>Every minute: closes campaigns past their <c>closesAt</c> that no cut-off job closed.</summary>
public sealed class DueCutOffsJob(DueCutOffs cutOffs)
{
    public const string RecurringJobId = "due-cut-offs";

    public Task<int> RunAsync(CancellationToken cancellationToken) => cutOffs.CloseDueAsync(cancellationToken);
}

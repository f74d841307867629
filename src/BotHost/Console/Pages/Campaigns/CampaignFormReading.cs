using GroupBuy.BotHost.Campaigns;

namespace GroupBuy.BotHost.Console.Pages.Campaigns;

/// <param name="Rows">The form row each of the body's items came from (spare rows are left out).</param>
/// <param name="Problems">What could not be read, by form field, in words for ops.</param>
internal sealed record CampaignFormReading(CampaignRequest Request, IReadOnlyList<int> Rows, IReadOnlyDictionary<string, string> Problems);

using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Campaigns;

/// <summary>
/// The rules a campaign's body must pass, field by field, for the admin API, the console and
/// schedules alike. Errors are named as the API names the fields (<c>items[0].price</c>) and said
/// in English for the API and in Chinese for the console.
/// </summary>
internal static class CampaignChecks
{
    public const int MaxItems = 50;

    /// <summary>Checks a POST or PUT body field by field; null (and <paramref name="errors"/> filled) when anything is wrong.</summary>
    public static async Task<ValidCampaign?> CheckAsync(CampaignRequest input, GroupBuyDbContext db, DateTimeOffset now, FieldErrors errors, CancellationToken cancellationToken)
    {
        var title = errors.RequiredText("title", input.Title, 200);
        var pickupPoint = errors.RequiredText("pickupPoint", input.PickupPoint, 200);
        if (input.ClosesAt is not { } closesAt)
        {
            errors.Add("closesAt", "is required (ISO 8601 with offset).", "必填。");
        }
        else if (closesAt <= now)
        {
            errors.Add("closesAt", "must be in the future.", "截单时间已经过了，请选一个以后的时间。");
        }

        if (input.PickupAt is not { } pickupAt)
        {
            errors.Add("pickupAt", "is required (ISO 8601 with offset).", "必填。");
        }
        else if (input.ClosesAt is { } cut && pickupAt < cut)
        {
            errors.Add("pickupAt", "must not be before closesAt.", "取货时间不能早于截单时间。");
        }

        var groups = await ReadChatsAsync(db, input.ChatIds, errors, cancellationToken);
        var warnings = new List<string>();
        ReadItems(input.Items, errors, warnings);
        return errors.Any ? null : new ValidCampaign(title, input.ClosesAt!.Value, input.PickupAt!.Value, pickupPoint, groups, input.Items!, warnings);
    }

    /// <summary>The registered groups of <paramref name="chatIds"/>; each unknown or ambiguous one is an error on <c>chatIds[i]</c>. Schedules check theirs with it too.</summary>
    public static async Task<List<Group>> ReadChatsAsync(GroupBuyDbContext db, IReadOnlyList<string>? chatIds, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (chatIds is null || chatIds.Count == 0)
        {
            errors.Add("chatIds", "must list at least one registered chat.", "至少选一个已登记的群。");
            return [];
        }

        var wanted = chatIds.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var groups = await db.Groups.Where(g => wanted.Contains(g.ChatId)).ToListAsync(cancellationToken);
        for (var i = 0; i < chatIds.Count; i++)
        {
            var chatId = chatIds[i]?.Trim();
            var matches = groups.Count(g => g.ChatId == chatId);
            if (string.IsNullOrEmpty(chatId) || matches == 0)
            {
                errors.Add($"chatIds[{i}]", $"'{chatId}' is not a registered chat; register it with POST /api/groups first.", $"“{chatId}”不是已登记的群，请先登记。");
            }
            else if (matches > 1)
            {
                errors.Add($"chatIds[{i}]", $"'{chatId}' is registered on more than one channel.", $"“{chatId}”在不止一个渠道登记过，分不清是哪个群。");
            }
        }

        return groups;
    }

    /// <summary>The item rules of POST /api/campaigns, errors on <c>items[i].field</c>; schedules list their items by the same rules.</summary>
    public static void ReadItems(IReadOnlyList<CampaignItemRequest>? items, FieldErrors errors, List<string> warnings)
    {
        if (items is null || items.Count == 0)
        {
            errors.Add("items", "must list at least one item.", "至少要有一个商品。");
            return;
        }

        if (items.Count > MaxItems)
        {
            errors.Add("items", $"may list at most {MaxItems} items.", $"最多 {MaxItems} 个商品。");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                errors.Add($"items[{i}]", "must be an object.");
                continue;
            }

            CheckItem($"items[{i}].", i + 1, items[i], errors, warnings);
        }
    }

    /// <summary>The rules for one item, for POST and PUT (<paramref name="prefix"/> "items[0].") and for PATCH of an item (prefix "").</summary>
    public static void CheckItem(string prefix, int itemNo, CampaignItemRequest item, FieldErrors errors, List<string> warnings)
    {
        var name = errors.RequiredText($"{prefix}name", item.Name, 100);
        if (item.Price is not > 0)
        {
            errors.Add($"{prefix}price", "is required and must be more than 0 (yuan).", "必填，要大于 0（元）。");
        }

        if (item.ReferencePrice is not > 0)
        {
            errors.Add($"{prefix}referencePrice", "is required and must be more than 0 (the supermarket or online price, in yuan).", "必填，要大于 0（超市或网店的价格，元）。");
        }

        if (item.Stock is < 0)
        {
            errors.Add($"{prefix}stock", "must be 0 or more, or null for unlimited.", "不能小于 0；不填表示不限量。");
        }

        if (item.Aliases?.Any(a => string.IsNullOrWhiteSpace(a) || a.Length > 50) == true)
        {
            errors.Add($"{prefix}aliases", "must hold short names, not empty strings.", "每个别名最多 50 个字，不能是空的。");
        }

        var category = errors.RequiredText($"{prefix}category", item.Category, 32);
        var listable = false;
        if (category.Length > 0 && !CategoryRules.IsKnown(category))
        {
            errors.Add($"{prefix}category", $"must be one of: {string.Join(", ", CategoryRules.Known)}.", $"只能是：{string.Join("、", CategoryRules.Known)}。");
        }
        else if (category.Length > 0 && CategoryRules.Unsuitability(category) is { } why && !item.AllowUnsuitable)
        {
            errors.Add(
                $"{prefix}category",
                $"{category} does not suit group buying ({why}); set allowUnsuitable to true to publish it anyway.",
                $"{category}{CategoryRules.UnsuitabilityInChinese(category)}，不适合社区团购；确实要卖，请勾选“不适合团购也照样上架”。");
        }
        else
        {
            listable = category.Length > 0;
        }

        // The override ops gave, then the price advantage: the same warnings the console shows for a stored item.
        if (listable && item.Price is > 0 && item.ReferencePrice is > 0)
        {
            warnings.AddRange(CategoryRules.Warnings(itemNo, name, category, item.Price.Value, item.ReferencePrice.Value).Select(w => w.Text));
        }
    }
}

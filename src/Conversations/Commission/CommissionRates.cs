using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace GroupBuy.Conversations.Commission;

/// <summary>
/// A leader's commission (佣金) rate per category, as fractions of sales: <c>Commission:Rates:生鲜</c>
/// (default 0.10, allowed 0.08–0.12), <c>Commission:Rates:日用品</c> (0.06, 0.05–0.08),
/// <c>Commission:Rates:食品</c> (0.06, 0.05–0.08) and <c>Commission:Rates:Default</c> for every other
/// category (0.06, 0.05–0.12).
/// </summary>
/// <remarks>
/// The field guide gives bands only for 生鲜 and 日用品. 食品 (rice, flour, oil, snacks) is packaged,
/// low-margin stock like 日用品 and has the same default, so it takes that band; other categories may
/// use anything within the guide's bands taken together, so no category pays outside what it knows.
/// </remarks>
public sealed record CommissionRates(decimal Fresh, decimal DailyGoods, decimal Food, decimal Other)
{
    public const string FreshCategory = "生鲜";
    public const string DailyGoodsCategory = "日用品";
    public const string FoodCategory = "食品";

    public const string FreshKey = "Commission:Rates:" + FreshCategory;
    public const string DailyGoodsKey = "Commission:Rates:" + DailyGoodsCategory;
    public const string FoodKey = "Commission:Rates:" + FoodCategory;
    public const string OtherKey = "Commission:Rates:Default";

    public static CommissionRates Defaults { get; } = new(0.10m, 0.06m, 0.06m, 0.06m);

    public decimal RateFor(string category) => category switch
    {
        FreshCategory => Fresh,
        DailyGoodsCategory => DailyGoods,
        FoodCategory => Food,
        _ => Other,
    };

    public static CommissionRates FromConfiguration(IConfiguration configuration) => new(
        Read(configuration, FreshKey, Defaults.Fresh, 0.08m, 0.12m),
        Read(configuration, DailyGoodsKey, Defaults.DailyGoods, 0.05m, 0.08m),
        Read(configuration, FoodKey, Defaults.Food, 0.05m, 0.08m),
        Read(configuration, OtherKey, Defaults.Other, 0.05m, 0.12m));

    private static decimal Read(IConfiguration configuration, string key, decimal fallback, decimal min, decimal max)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate >= min && rate <= max
            ? rate
            : throw new InvalidSettingException(string.Create(CultureInfo.InvariantCulture, $"{key} is '{text}'; use a fraction of sales from {min:0.00} to {max:0.00} (0.10 is 10%)."));
    }
}

using GroupBuy.Conversations.Ordering.Parsing;

namespace GroupBuy.Conversations.Tests.Ordering.Parsing;

/// <summary>Campaigns the parser tests read replies against.</summary>
internal static class Catalogs
{
    /// <summary>One item: a bare "+1" can only mean it.</summary>
    public static readonly Catalog Single = new([new CatalogItem(1, "红富士苹果", ["苹果"])]);

    /// <summary>Seven items, two of them with Chinese numerals in their names, two sharing "奶".</summary>
    public static readonly Catalog Fresh = new(
    [
        new CatalogItem(1, "红富士苹果", ["苹果"]),
        new CatalogItem(2, "纯牛奶", ["牛奶"]),
        new CatalogItem(3, "全麦面包", ["面包"]),
        new CatalogItem(4, "土鸡蛋", ["鸡蛋"]),
        new CatalogItem(5, "酸奶", []),
        new CatalogItem(6, "五花肉", []),
        new CatalogItem(7, "三文鱼", []),
    ]);

    /// <summary>No aliases: residents' short names have to be found inside the full ones.</summary>
    public static readonly Catalog NoAliases = new(
    [
        new CatalogItem(1, "有机纯牛奶", []),
        new CatalogItem(2, "全麦吐司面包", []),
        new CatalogItem(3, "散养土鸡蛋", []),
    ]);

    /// <summary>One name inside another: the longer one wins when it is written out.</summary>
    public static readonly Catalog Apples = new(
    [
        new CatalogItem(1, "苹果", []),
        new CatalogItem(2, "红富士苹果", []),
        new CatalogItem(3, "香蕉", []),
    ]);

    /// <summary>
    /// Fruit, vegetables and groceries as ops list them, specifications in the names ("2L装",
    /// "10斤装", "30枚", "500g"): those numbers must never be read as quantities.
    /// </summary>
    public static readonly Catalog Produce = new(
    [
        new CatalogItem(1, "2L装鲜牛奶", ["鲜牛奶", "牛奶"]),
        new CatalogItem(2, "阳光玫瑰葡萄", ["葡萄", "阳光玫瑰"]),
        new CatalogItem(3, "赣南脐橙", ["脐橙", "橙子"]),
        new CatalogItem(4, "东北大米10斤装", ["大米"]),
        new CatalogItem(5, "农家土鸡蛋30枚", ["土鸡蛋", "鸡蛋"]),
        new CatalogItem(6, "海南贵妃芒", ["芒果", "贵妃芒"]),
        new CatalogItem(7, "500g小番茄", ["小番茄", "圣女果"]),
        new CatalogItem(8, "5L花生油", ["花生油"]),
    ]);
}

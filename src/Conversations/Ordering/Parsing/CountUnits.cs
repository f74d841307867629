namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// The measure words that follow a count in an order ("两箱", "3份"). 斤 is here because fruit and
/// meat are sold by the jin; weights and volumes in grams or litres are specifications instead.
/// </summary>
internal static class CountUnits
{
    public const string Chars = "份个盒箱袋桶提瓶斤包支只块件套组把颗条罐听串板扎捆对双杯";

    /// <summary>A regex character class of <see cref="Chars"/>.</summary>
    public const string Class = "[" + Chars + "]";

    /// <summary>A number as typed: ASCII digits or a Chinese numeral.</summary>
    public const string Number = @"(?:\d{1,4}|[零〇一二两俩仨三四五六七八九十百]{1,6})";

    /// <summary>Like <see cref="Number"/>, but keeps a decimal part so "+1.5" can be refused rather than misread.</summary>
    public const string NumberWithFraction = @"(?:\d{1,4}(?:\.\d+)?|[零〇一二两俩仨三四五六七八九十百]{1,6})";
}

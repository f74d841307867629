namespace GroupBuy.Conversations.Commission;

/// <summary>Money rounded to the fen (分, 0.01 yuan), the smallest amount that is paid out.</summary>
public static class Fen
{
    /// <summary>
    /// Half a fen rounds up (四舍五入), the way leaders check their statements by hand or on a
    /// calculator. .NET's default, banker's rounding, would pay 2.38 for 2.385 and 2.40 for 2.395,
    /// which looks like an error to anyone checking; amounts here are never negative, so "away from
    /// zero" is "half up".
    /// </summary>
    public static decimal Round(decimal yuan) => Math.Round(yuan, 2, MidpointRounding.AwayFromZero);
}

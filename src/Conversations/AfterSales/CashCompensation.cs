namespace GroupBuy.Conversations.AfterSales;

/// <summary>Cash of 5 to 10 元 inclusive, in whole fen; anything else is a refund or a mistake.</summary>
public sealed record CashCompensation : Compensation
{
    public const decimal Minimum = 5m;

    public const decimal Maximum = 10m;

    public CashCompensation(decimal yuan)
    {
        if (!IsValid(yuan))
        {
            throw new ArgumentOutOfRangeException(nameof(yuan), yuan, "Cash compensation is 5 to 10 yuan, in whole fen.");
        }

        Yuan = yuan;
    }

    public decimal Yuan { get; }

    public static bool IsValid(decimal yuan) => yuan is >= Minimum and <= Maximum && decimal.Round(yuan, 2) == yuan;
}

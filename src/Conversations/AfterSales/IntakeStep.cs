namespace GroupBuy.Conversations.AfterSales;

/// <summary>The question an intake dialog is waiting on.</summary>
public enum IntakeStep
{
    /// <summary>Which of the recent orders (skipped when there is one).</summary>
    ChooseOrder,

    /// <summary>What kind of problem (skipped when the first words already told).</summary>
    ChooseType,

    /// <summary>A photo, or an order number / screenshot (skipped for a mistaken order).</summary>
    Evidence,

    /// <summary>A sentence saying what happened.</summary>
    Description,

    /// <summary>The summary is shown; submit or cancel.</summary>
    Confirm,
}

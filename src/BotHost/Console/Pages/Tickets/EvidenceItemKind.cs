namespace GroupBuy.BotHost.Console.Pages.Tickets;

public enum EvidenceItemKind
{
    /// <summary>A photo at an http(s) address the channel gave.</summary>
    Photo,

    /// <summary>A photo the channel gave no address for: only its message id ("gateway:m-12") is known.</summary>
    PhotoWithoutAddress,

    /// <summary>An order number or pickup code the resident typed.</summary>
    OrderNumber,

    /// <summary>Anything else intake may keep one day; shown as text.</summary>
    Other,
}

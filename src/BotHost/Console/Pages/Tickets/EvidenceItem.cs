namespace GroupBuy.BotHost.Console.Pages.Tickets;

/// <summary>
/// One piece of a ticket's evidence as the page shows it. Intake keeps a photo as the address the
/// channel gave for it, or as "message:{channel}:{id}" when it gave none; an order number as
/// "order-number:{n}". Only an http(s) address becomes a picture, loaded by the browser from
/// where the channel keeps it: the host neither fetches nor relays what a chat gave it.
/// </summary>
public sealed record EvidenceItem(EvidenceItemKind Kind, string Text, Uri? Image)
{
    public static EvidenceItem Read(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (Uri.TryCreate(reference, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp))
        {
            return new EvidenceItem(EvidenceItemKind.Photo, reference, address);
        }

        if (reference.StartsWith("order-number:", StringComparison.Ordinal))
        {
            return new EvidenceItem(EvidenceItemKind.OrderNumber, reference["order-number:".Length..], null);
        }

        if (reference.StartsWith("message:", StringComparison.Ordinal))
        {
            return new EvidenceItem(EvidenceItemKind.PhotoWithoutAddress, reference["message:".Length..], null);
        }

        return new EvidenceItem(EvidenceItemKind.Other, reference, null);
    }
}

namespace GroupBuy.Conversations.Templates;

/// <summary>
/// The data of one kind of bot message. Each model names its template, so a message cannot be
/// rendered with the wrong one; its properties reach the template in snake_case
/// (<c>PickupPoint</c> is <c>pickup_point</c>).
/// </summary>
public interface IMessageModel
{
    static abstract string TemplateName { get; }
}

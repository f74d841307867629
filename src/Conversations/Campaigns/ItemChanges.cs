namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// What ops change of one item; a null field stays as it is. Stock needs its own flag because
/// null is a value there (unlimited).
/// </summary>
public sealed record ItemChanges(
    bool SetsStock,
    int? Stock,
    string? Name = null,
    IReadOnlyList<string>? Aliases = null,
    decimal? Price = null,
    decimal? ReferencePrice = null,
    string? Category = null)
{
    /// <summary>The fields besides stock this changes, as the API names them; only a draft may change these.</summary>
    public IReadOnlyList<string> OfferFields
    {
        get
        {
            var fields = new List<string>();
            AddIf(Name is not null, "name");
            AddIf(Aliases is not null, "aliases");
            AddIf(Price is not null, "price");
            AddIf(ReferencePrice is not null, "referencePrice");
            AddIf(Category is not null, "category");
            return fields;

            void AddIf(bool changes, string name)
            {
                if (changes)
                {
                    fields.Add(name);
                }
            }
        }
    }
}

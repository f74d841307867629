namespace GroupBuy.Conversations.PickLists;

public enum PickListOutcome
{
    Ready = 0,
    NotFound = 1,

    /// <summary>A draft has no orders and may still change its items: there is nothing to pick.</summary>
    Draft = 2,
}

/// <summary>The pick list, or why there is none.</summary>
public sealed record PickListResult(PickListOutcome Outcome, string? Reason, PickList? List);

namespace GroupBuy.Conversations.Storage;

/// <summary>A claimed row and what its work needs: the tracked row, the transaction's context and scope, and the moment of the claim.</summary>
public sealed record DueRow<TRow>(TRow Row, GroupBuyDbContext Db, IServiceProvider Services, DateTimeOffset Now);

namespace GroupBuy.Conversations.Storage;

/// <summary>
/// How a <see cref="DueRowQueue{TRow}"/> finds its next due row. <paramref name="OnPostgres"/>
/// takes <c>@now</c>, returns one id as "Value" and ends in FOR UPDATE SKIP LOCKED;
/// <paramref name="Elsewhere"/> is the same question in LINQ for SQLite's single worker.
/// </summary>
public sealed record DueRowClaim<TRow>(string OnPostgres, Func<GroupBuyDbContext, DateTimeOffset, IQueryable<long?>> Elsewhere);

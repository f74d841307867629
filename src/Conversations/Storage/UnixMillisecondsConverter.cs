using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GroupBuy.Conversations.Storage;

/// <summary>
/// SQLite has no time type; as text, times with different offsets would not compare or sort as
/// instants. Unix milliseconds do, in SQL, so "due before now" queries work the same as on PostgreSQL.
/// </summary>
internal sealed class UnixMillisecondsConverter : ValueConverter<DateTimeOffset, long>
{
    public UnixMillisecondsConverter()
        : base(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v))
    {
    }
}

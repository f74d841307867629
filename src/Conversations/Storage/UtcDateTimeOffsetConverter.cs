using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GroupBuy.Conversations.Storage;

/// <summary>
/// PostgreSQL's timestamptz holds an instant, and Npgsql only writes offset-zero values: times are
/// stored as UTC and shown in the business time zone at the edge.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter : ValueConverter<DateTimeOffset, DateTimeOffset>
{
    public UtcDateTimeOffsetConverter()
        : base(v => v.ToUniversalTime(), v => v.ToUniversalTime())
    {
    }
}

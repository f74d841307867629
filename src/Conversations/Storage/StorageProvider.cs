namespace GroupBuy.Conversations.Storage;

public enum StorageProvider
{
    /// <summary>Embedded file database: the default, for one host.</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL: for production and for several hosts sharing one database.</summary>
    Postgres = 1,
}

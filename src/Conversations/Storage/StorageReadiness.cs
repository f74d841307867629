namespace GroupBuy.Conversations.Storage;

/// <summary>Set once migrations are applied; the health endpoint answers 503 until then.</summary>
public sealed class StorageReadiness
{
    private volatile bool migrated;

    public bool IsMigrated => migrated;

    internal void MarkMigrated() => migrated = true;
}

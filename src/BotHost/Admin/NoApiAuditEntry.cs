namespace GroupBuy.BotHost.Admin;

/// <summary>Endpoint metadata: <see cref="ApiChangeAudit"/> writes nothing for this endpoint, for the reason given.</summary>
internal sealed record NoApiAuditEntry(string Why)
{
    public static readonly NoApiAuditEntry StoresNothing = new("stores nothing");

    public static readonly NoApiAuditEntry RecordedByItsUseCase = new("the use case records the change in the same save");
}

namespace GroupBuy.Conversations.Ops;

/// <summary>
/// One change made from the console or the admin API, with who made it: "李娜 published campaign
/// 12", "admin-key rolled back campaign-preview to v3". Written in the same save as the change.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxDetailLength = 500;

    private AuditEntry()
    {
        Actor = Action = Subject = string.Empty;
    }

    public AuditEntry(string actor, string action, string subject, string? detail, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        Actor = actor;
        Action = action;
        Subject = subject ?? string.Empty;
        Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail;
        At = at;
    }

    public long Id { get; private set; }

    /// <summary>The account's user name, or <c>api-key</c> for a script with the admin key.</summary>
    public string Actor { get; private set; }

    /// <summary>A dotted verb: <c>template.save</c>, <c>campaign.publish</c>.</summary>
    public string Action { get; private set; }

    /// <summary>What was changed: a template name, "campaign 12".</summary>
    public string Subject { get; private set; }

    public string? Detail { get; private set; }

    public DateTimeOffset At { get; private set; }
}

namespace GroupBuy.Conversations.Templates;

/// <summary>
/// One ops edit of a message template. The newest version of a name is what the bot says; a
/// version without text puts the shipped default from <c>templates/</c> back. Versions are never
/// changed or deleted, so the history is also the record of who changed the wording, and when.
/// </summary>
public sealed class TemplateVersion
{
    public const int MaxNoteLength = 200;

    private TemplateVersion()
    {
        Name = Author = string.Empty;
    }

    public TemplateVersion(string name, int number, string? text, string author, string? note, int? restoredFrom, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        Name = name;
        Number = number;
        Text = text;
        Author = author;
        var trimmed = note?.Trim();
        Note = string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > MaxNoteLength ? trimmed[..MaxNoteLength] : trimmed;
        RestoredFrom = restoredFrom;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    /// <summary>The template's name, as its file in <c>templates/</c> (without <c>.sbn</c>).</summary>
    public string Name { get; private set; }

    /// <summary>1, 2, 3 … per name; (name, number) is unique, so two editors saving at once cannot both be version 4.</summary>
    public int Number { get; private set; }

    /// <summary>The Scriban text; null means "the shipped default again".</summary>
    public string? Text { get; private set; }

    public string Author { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The version this one copies, for a rollback.</summary>
    public int? RestoredFrom { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsDefault => Text is null;
}

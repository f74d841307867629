using System.Collections.Frozen;

namespace GroupBuy.Conversations.Templates;

/// <summary>
/// The texts ops have saved, as this host last read them from the database: what
/// <see cref="MessageTemplates"/> renders instead of the shipped default. Swapped whole, so a
/// render sees either the old set or the new one, never half of each.
/// </summary>
public sealed class TemplateOverrides
{
    private readonly Lock gate = new();
    private volatile Snapshot current = new(FrozenDictionary<string, string>.Empty, 0);

    /// <summary>The newest version id this host has read; 0 before the first read.</summary>
    public long Stamp => current.Stamp;

    public string? Find(string name) => current.Texts.GetValueOrDefault(name);

    /// <summary>Takes the current texts by name (a name reset to its default is absent) as of version id <paramref name="stamp"/>.</summary>
    public void Replace(IReadOnlyDictionary<string, string> texts, long stamp)
    {
        var snapshot = new Snapshot(texts.ToFrozenDictionary(StringComparer.Ordinal), stamp);
        lock (gate)
        {
            // A slower reader must not put back what a newer one (or this host's own save) already took.
            if (stamp >= current.Stamp)
            {
                current = snapshot;
            }
        }
    }

    /// <summary>This host's own save, in effect at once; other hosts take it on their next read.</summary>
    public void Apply(string name, string? text, long stamp)
    {
        lock (gate)
        {
            if (stamp < current.Stamp)
            {
                return;
            }

            var texts = current.Texts.ToDictionary(StringComparer.Ordinal);
            if (text is null)
            {
                texts.Remove(name);
            }
            else
            {
                texts[name] = text;
            }

            current = new Snapshot(texts.ToFrozenDictionary(StringComparer.Ordinal), stamp);
        }
    }

    private sealed record Snapshot(FrozenDictionary<string, string> Texts, long Stamp);
}

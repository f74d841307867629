using System.Collections.Concurrent;

namespace GroupBuy.Conversations.Templates;

/// <summary>
/// The message templates shipped in <c>templates/</c> (<c>name.sbn</c>): what the bot says unless
/// ops have overridden it. Files are read once; they change only with a new release.
/// </summary>
public sealed class DefaultTemplates
{
    public const string Extension = ".sbn";

    private readonly ConcurrentDictionary<string, string?> texts = new(StringComparer.Ordinal);

    public DefaultTemplates(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }

    public IReadOnlyList<string> Names =>
        System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.EnumerateFiles(Directory, "*" + Extension).Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    public string? Find(string name)
    {
        if (!IsValidName(name))
        {
            return null;
        }

        return texts.GetOrAdd(name, n =>
        {
            var path = Path.Combine(Directory, n + Extension);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        });
    }

    // Names come from code, but an ops override later keys by name too: never let one walk the file system.
    private static bool IsValidName(string name) =>
        !string.IsNullOrEmpty(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

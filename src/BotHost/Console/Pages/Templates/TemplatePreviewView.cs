using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using GroupBuy.Conversations.Templates;

namespace GroupBuy.BotHost.Console.Pages.Templates;

/// <summary>What the editor shows beside a text: its errors (with the line they are on), each sample rendered, and the change against the current version.</summary>
public sealed record TemplatePreviewView(IReadOnlyList<ShownError> Errors, IReadOnlyList<TemplateSampleOutput> Samples, IReadOnlyList<DiffPiece> Diff)
{
    public bool Changed => Diff.Any(d => d.Type is ChangeType.Inserted or ChangeType.Deleted or ChangeType.Modified);

    public static async Task<TemplatePreviewView> BuildAsync(TemplateStore store, string name, string text, string current, CancellationToken cancellationToken)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var (syntax, samples) = await store.PreviewAsync(name, text, cancellationToken);
        var errors = syntax.Count > 0 ? syntax : samples.SelectMany(s => s.Errors).Distinct().ToList();
        var lines = text.Split('\n');
        var diff = InlineDiffBuilder.Diff(current.Replace("\r\n", "\n", StringComparison.Ordinal), text, ignoreWhiteSpace: false).Lines;
        return new(
            [.. errors.Select(e => new ShownError(e, e.Line >= 1 && e.Line <= lines.Length ? lines[e.Line - 1] : null))],
            samples,
            diff);
    }
}

/// <summary>An error and the source line it points at, so ops see where without counting lines.</summary>
public sealed record ShownError(TemplateError Error, string? SourceLine)
{
    public string Where => Error.Line > 0 ? $"第 {Error.Line} 行，第 {Error.Column} 列" : "整个模板";

    public string Explained => TemplateErrorWords.Explain(Error.Message);
}

using GroupBuy.Conversations.Templates;

namespace GroupBuy.BotHost.Templates;

internal sealed record TemplateSummaryResponse(string Name, int Version, bool Edited, DateTimeOffset? UpdatedAt, string? UpdatedBy);

internal sealed record TemplateResponse(
    string Name,
    int Version,
    bool Edited,
    string Text,
    string DefaultText,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy,
    IReadOnlyList<TemplateVariable> Variables,
    IReadOnlyList<string> Samples);

internal sealed record TemplateVersionResponse(int Version, string? Text, bool Default, string Author, string? Note, int? RestoredFrom, DateTimeOffset CreatedAt);

internal sealed record TemplateErrorResponse(int Line, int Column, string Message);

internal sealed record TemplatePreviewResponse(IReadOnlyList<TemplateErrorResponse> Errors, IReadOnlyList<TemplateSamplePreviewResponse> Samples);

internal sealed record TemplateSamplePreviewResponse(string Sample, string? Text, IReadOnlyList<TemplateErrorResponse> Errors);

using GroupBuy.BotHost.Admin;
using GroupBuy.BotHost.Console;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Templates;
using GroupBuy.Conversations.Time;

namespace GroupBuy.BotHost.Templates;

/// <summary>
/// The message templates for scripts: read, save a version, its history, roll back, preview. The
/// same <see cref="TemplateStore"/> as the console's editor, so both refuse the same texts.
/// </summary>
internal static class TemplateEndpoints
{
    public static IEndpointRouteBuilder MapTemplates(this IEndpointRouteBuilder endpoints)
    {
        var templates = endpoints.MapGroup("/api/templates").RequireAuthorization(AdminAuthentication.ApiPolicy);
        templates.MapGet("/", ListAsync);
        templates.MapGet("/{name}", GetAsync);
        templates.MapPut("/{name}", SaveAsync).WithMetadata(NoApiAuditEntry.RecordedByItsUseCase);
        templates.MapGet("/{name}/versions", VersionsAsync);
        templates.MapPost("/{name}/rollback", RollbackAsync).WithMetadata(NoApiAuditEntry.RecordedByItsUseCase);
        templates.MapPost("/{name}/preview", PreviewAsync).WithMetadata(NoApiAuditEntry.StoresNothing);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(TemplateStore store, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken);
        return Results.Ok(all.Select(t => new TemplateSummaryResponse(t.Name, t.Version, t.IsEdited, zone.ToLocal(t.Latest?.CreatedAt), t.Latest?.Author)));
    }

    private static async Task<IResult> GetAsync(string name, TemplateStore store, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(name, cancellationToken) is not { } state)
        {
            return Unknown(name);
        }

        return Results.Ok(new TemplateResponse(
            state.Name,
            state.Version,
            state.IsEdited,
            state.Text,
            state.DefaultText,
            zone.ToLocal(state.Latest?.CreatedAt),
            state.Latest?.Author,
            TemplateCatalog.VariablesOf(name),
            [.. TemplateSamples.For(name).Select(s => s.Case)]));
    }

    private static async Task<IResult> SaveAsync(string name, HttpRequest request, HttpContext context, TemplateStore store, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<TemplateSaveRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Problem!;
        }

        var errors = new FieldErrors();
        if (input.Text is null)
        {
            errors.Add("text", "is required: the template's Scriban text.");
        }

        if (input.Note is { Length: > TemplateVersion.MaxNoteLength })
        {
            errors.Add("note", $"must be at most {TemplateVersion.MaxNoteLength} characters.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var change = await store.SaveAsync(name, input.Text!, context.User.Actor(), input.Note, input.BasedOn, cancellationToken);
        return Answer(name, change, zone);
    }

    private static async Task<IResult> VersionsAsync(string name, TemplateStore store, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        if (!store.Exists(name))
        {
            return Unknown(name);
        }

        var history = await store.HistoryAsync(name, cancellationToken);
        return Results.Ok(history.Select(v => Present(v, zone)));
    }

    private static async Task<IResult> RollbackAsync(string name, HttpRequest request, HttpContext context, TemplateStore store, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<TemplateRollbackRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Problem!;
        }

        if ((input.Version is null) == (input.ToDefault != true))
        {
            var errors = new FieldErrors();
            errors.Add("version", "give the version number to go back to, or \"toDefault\": true for the shipped text (one of the two).");
            return errors.ToProblem();
        }

        var change = input.ToDefault == true
            ? await store.ResetAsync(name, context.User.Actor(), input.Note, cancellationToken)
            : await store.RollbackAsync(name, input.Version!.Value, context.User.Actor(), input.Note, cancellationToken);
        return Answer(name, change, zone);
    }

    private static async Task<IResult> PreviewAsync(string name, HttpRequest request, TemplateStore store, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<TemplatePreviewRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Problem!;
        }

        if (!store.Exists(name))
        {
            return Unknown(name);
        }

        if (input.Text is null)
        {
            var errors = new FieldErrors();
            errors.Add("text", "is required: the Scriban text to preview.");
            return errors.ToProblem();
        }

        var (syntax, samples) = await store.PreviewAsync(name, input.Text, cancellationToken);
        return Results.Ok(new TemplatePreviewResponse(
            [.. syntax.Select(Present)],
            [.. samples.Select(s => new TemplateSamplePreviewResponse(s.Sample.Case, s.Text, [.. s.Errors.Select(Present)]))]));
    }

    private static IResult Answer(string name, TemplateChange change, BusinessTimeZone zone) => change.Outcome switch
    {
        TemplateChangeOutcome.Saved => Results.Ok(Present(change.Version!, zone)),
        TemplateChangeOutcome.Unchanged => Results.Problem(
            statusCode: StatusCodes.Status409Conflict, title: "Nothing to change", detail: $"That is what '{name}' says already; no version was added."),
        TemplateChangeOutcome.Conflict => Problems.ChangedMeanwhile($"Template '{name}'", "saved by someone else"),
        TemplateChangeOutcome.UnknownVersion => Problems.NotFound($"Template '{name}' has no such version; GET /api/templates/{name}/versions lists them."),
        TemplateChangeOutcome.Invalid => Invalid(change.Errors),
        _ => Unknown(name),
    };

    // The usual validation problem on "text", each error with its place, and the first named in the detail.
    private static IResult Invalid(IReadOnlyList<TemplateError> errors)
    {
        var first = errors[0];
        return Results.ValidationProblem(
            new Dictionary<string, string[]> { ["text"] = [.. errors.Select(e => e.ToString())] },
            detail: $"text ({first.Line},{first.Column}): {first.Message}",
            title: "The template is not valid; nothing was stored",
            extensions: new Dictionary<string, object?> { ["templateErrors"] = errors.Select(Present).ToList() });
    }

    private static IResult Unknown(string name) => Problems.NotFound($"There is no template named '{name}'; GET /api/templates lists them.");

    private static TemplateVersionResponse Present(TemplateVersion v, BusinessTimeZone zone) =>
        new(v.Number, v.Text, v.IsDefault, v.Author, v.Note, v.RestoredFrom, zone.ToLocal(v.CreatedAt));

    private static TemplateErrorResponse Present(TemplateError e) => new(e.Line, e.Column, e.Message);
}

using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace GroupBuy.Conversations.Templates;

/// <summary>
/// Renders every user-facing bot message from a Scriban template, sandboxed by
/// <see cref="TemplateLimits"/>. Templates are parsed once per distinct text and cached; each render
/// gets a fresh <see cref="TemplateContext"/> (they are not thread-safe).
/// </summary>
public sealed partial class MessageTemplates
{
    private readonly DefaultTemplates defaults;
    private readonly TemplateLimits limits;
    private readonly TemplateOverrides overrides;
    private readonly ILogger<MessageTemplates> logger;
    private readonly ConcurrentDictionary<string, Template> compiled = new(StringComparer.Ordinal);

    public MessageTemplates(DefaultTemplates defaults, TemplateLimits limits)
        : this(defaults, limits, new TemplateOverrides(), NullLogger<MessageTemplates>.Instance)
    {
    }

    public MessageTemplates(DefaultTemplates defaults, TemplateLimits limits, TemplateOverrides overrides, ILogger<MessageTemplates> logger)
    {
        this.defaults = defaults;
        this.limits = limits;
        this.overrides = overrides;
        this.logger = logger;
    }

    public DefaultTemplates Defaults => defaults;

    public TemplateLimits Limits => limits;

    /// <summary>
    /// Renders the model's template: ops' current version where there is one, else the shipped
    /// default. Throws <see cref="TemplateException"/> rather than send a broken message.
    /// </summary>
    public async Task<string> RenderAsync<TModel>(TModel model, CancellationToken cancellationToken)
        where TModel : IMessageModel
    {
        ArgumentNullException.ThrowIfNull(model);
        var name = TModel.TemplateName;
        if (overrides.Find(name) is { } edited)
        {
            try
            {
                return await RenderAsync(name, edited, model, cancellationToken);
            }
            catch (TemplateException ex)
            {
                // Every edit rendered all its samples before it was saved; a model that still
                // breaks it (a case no sample had) gets the shipped wording rather than no message.
                LogEditFailed(logger, name, string.Join("; ", ex.Errors));
            }
        }

        var text = defaults.Find(name)
            ?? throw new TemplateException(name, [new TemplateError(0, 0, $"No template named '{name}' in {defaults.Directory}.")]);
        return await RenderAsync(name, text, model, cancellationToken);
    }

    /// <summary>Renders a template text against a model: the same sandbox, for previews of ops edits.</summary>
    public async Task<string> RenderAsync(string name, string text, object model, CancellationToken cancellationToken)
    {
        var template = Compile(name, text);
        var globals = new ScriptObject();
        globals.Import(model, filter: IsReadableMember, renamer: StandardMemberRenamer.Default);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Timeout);
        var context = CreateContext(timeout.Token);
        context.PushGlobal(globals);
        try
        {
            var output = await template.RenderAsync(context);
            return output.Trim();
        }
        catch (ScriptAbortException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TemplateException(name, [new TemplateError(0, 0, $"Rendering took longer than {limits.Timeout.TotalSeconds:0.###} s.")], ex);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new TemplateException(name, [ToError(ex.Span, ex.OriginalMessage)], ex);
        }
    }

    /// <summary>Checks a template text without rendering it: every syntax error with its line and column.</summary>
    public IReadOnlyList<TemplateError> Check(string text)
    {
        if (text.Length > limits.SourceLimit)
        {
            return [new TemplateError(0, 0, $"The template is {text.Length} characters long; at most {limits.SourceLimit} are allowed.")];
        }

        var template = Template.Parse(text, sourceFilePath: null, parserOptions: ParserOptions());
        return [.. template.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m => ToError(m.Span, m.Message))];
    }

    private Template Compile(string name, string text)
    {
        var key = name + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        if (compiled.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var errors = Check(text);
        if (errors.Count > 0)
        {
            throw new TemplateException(name, errors);
        }

        var template = Template.Parse(text, sourceFilePath: name, parserOptions: ParserOptions());
        return compiled.GetOrAdd(key, template);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The edited template '{Name}' failed to render and the default was sent instead: {Errors}")]
    private static partial void LogEditFailed(ILogger logger, string name, string errors);

    private ParserOptions ParserOptions() => new() { ExpressionDepthLimit = limits.ExpressionDepthLimit };

    private TemplateContext CreateContext(CancellationToken cancellationToken) => new()
    {
        StrictVariables = true,
        LoopLimit = limits.LoopLimit,
        LoopLimitQueryable = limits.LoopLimit,
        RecursiveLimit = limits.RecursionLimit,
        ObjectRecursionLimit = limits.ObjectRecursionLimit,
        LimitToString = limits.OutputLimit,
        OutputLimit = limits.OutputLimit,
        OnOutputLimit = ScriptLimitBehavior.Throw,
        OnStringLimit = ScriptLimitBehavior.Throw,
        RegexTimeOut = TimeSpan.FromMilliseconds(200),
        MemberRenamer = StandardMemberRenamer.Default,
        MemberFilter = IsReadableMember,
        TemplateLoader = null,
        EnableRelaxedMemberAccess = false,
        CancellationToken = cancellationToken,
    };

    // Only data: properties of the model records, never methods (no GetType().Assembly... escapes).
    private static bool IsReadableMember(MemberInfo member) => member is PropertyInfo { CanRead: true };

    private static TemplateError ToError(SourceSpan span, string message) =>
        new(span.Start.Line + 1, span.Start.Column + 1, message);
}

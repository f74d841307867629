namespace GroupBuy.Conversations.Templates;

/// <summary>A template could not be compiled or rendered; nothing was sent.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string templateName, IReadOnlyList<TemplateError> errors, Exception? innerException = null)
        : base($"Template '{templateName}' failed: {string.Join("; ", errors)}", innerException)
    {
        TemplateName = templateName;
        Errors = errors;
    }

    public TemplateException()
    {
        TemplateName = string.Empty;
        Errors = [];
    }

    public TemplateException(string message)
        : base(message)
    {
        TemplateName = string.Empty;
        Errors = [];
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
        TemplateName = string.Empty;
        Errors = [];
    }

    public string TemplateName { get; }

    public IReadOnlyList<TemplateError> Errors { get; }
}

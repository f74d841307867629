using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Templates;
using GroupBuy.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GroupBuy.Conversations.Tests.Templates;

public sealed class TemplateOverridesTests
{
    private static readonly CampaignClosedMessage Closed = new("李叔", "周四鲜果");

    [Fact]
    public async Task An_edited_text_is_rendered_instead_of_the_default_and_a_reset_brings_the_default_back()
    {
        var overrides = new TemplateOverrides();
        var templates = new MessageTemplates(new DefaultTemplates(RepositoryPaths.Templates), new TemplateLimits(), overrides, NullLogger<MessageTemplates>.Instance);
        var shipped = await templates.RenderAsync(Closed, CancellationToken.None);

        overrides.Apply("campaign-closed", "@{{ name }} 【{{ title }}】已经截单啦", 5);
        Assert.Equal("@李叔 【周四鲜果】已经截单啦", await templates.RenderAsync(Closed, CancellationToken.None));

        overrides.Apply("campaign-closed", null, 6);
        Assert.Equal(shipped, await templates.RenderAsync(Closed, CancellationToken.None));
    }

    [Fact]
    public async Task An_edit_that_breaks_on_a_model_sends_the_default_rather_than_nothing()
    {
        var overrides = new TemplateOverrides();
        var templates = new MessageTemplates(new DefaultTemplates(RepositoryPaths.Templates), new TemplateLimits(), overrides, NullLogger<MessageTemplates>.Instance);
        var shipped = await templates.RenderAsync(Closed, CancellationToken.None);

        overrides.Replace(new Dictionary<string, string> { ["campaign-closed"] = "{{ no_such_variable }}" }, 3);

        Assert.Equal(shipped, await templates.RenderAsync(Closed, CancellationToken.None));
    }

    [Fact]
    public void An_older_read_never_replaces_a_newer_one()
    {
        var overrides = new TemplateOverrides();
        overrides.Apply("help", "新", 10);

        overrides.Replace(new Dictionary<string, string> { ["help"] = "旧" }, 9);

        Assert.Equal("新", overrides.Find("help"));
        Assert.Equal(10, overrides.Stamp);
        overrides.Replace(new Dictionary<string, string>(), 11);
        Assert.Null(overrides.Find("help"));
    }
}

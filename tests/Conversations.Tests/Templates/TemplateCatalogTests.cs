using GroupBuy.Conversations.Templates;
using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.Conversations.Tests.Templates;

public sealed class TemplateCatalogTests
{
    [Fact]
    public void Every_default_template_has_a_model_and_every_sample_renders_its_own_template()
    {
        var names = new DefaultTemplates(RepositoryPaths.Templates).Names;

        Assert.All(names, name => Assert.NotNull(TemplateCatalog.ModelOf(name)));
        Assert.All(TemplateSamples.All, sample => Assert.Equal(sample.Template, TemplateCatalog.NameOf(sample.Model)));
        Assert.Equal(TemplateSamples.All.Count, TemplateSamples.All.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void A_templates_variables_are_its_models_properties_as_templates_write_them()
    {
        var variables = TemplateCatalog.VariablesOf("campaign-preview");

        Assert.Equal(["title", "items", "closes_at", "pickup_at", "pickup_point", "mention_required", "bot_name"], variables.Select(v => v.Name).Take(7));
        var items = variables.Single(v => v.Name == "items");
        Assert.Equal("列表，每项有", items.Kind);
        Assert.Contains(items.Fields, f => f is { Name: "item_no", Kind: "数字" });
        Assert.Contains(variables, v => v is { Name: "mention_required", Kind: "是/否" });
        Assert.Empty(TemplateCatalog.VariablesOf("no-such-template"));
    }
}

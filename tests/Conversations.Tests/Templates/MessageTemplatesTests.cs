using GroupBuy.Conversations.Templates;
using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.Conversations.Tests.Templates;

public sealed class MessageTemplatesTests
{
    private static MessageTemplates Templates(TemplateLimits? limits = null) =>
        new(new DefaultTemplates(RepositoryPaths.Templates), limits ?? new TemplateLimits());

    private sealed record Item(int ItemNo, string Name, decimal Price);

    private sealed record Preview(string Title, IReadOnlyList<Item> Items);

    [Fact]
    public async Task Renders_model_properties_in_snake_case_and_lists()
    {
        var text = "{{ title }}\n{{ for item in items }}{{ item.item_no }}号 {{ item.name }} {{ item.price }}元\n{{ end }}";

        var output = await Templates().RenderAsync("preview", text, new Preview("周四鲜果", [new Item(1, "苹果", 12.8m), new Item(2, "香蕉", 6m)]), CancellationToken.None);

        Assert.Equal("周四鲜果\n1号 苹果 12.8元\n2号 香蕉 6元", output);
    }

    [Fact]
    public void Check_reports_a_syntax_error_with_line_and_column()
    {
        var errors = Templates().Check("第一行\n{{ for item in items }}\n{{ item.name }}\n{{ if }}");

        var error = errors[0];
        Assert.Equal(4, error.Line);
        Assert.True(error.Column >= 1);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Check_points_at_the_line_of_an_incomplete_expression()
    {
        var errors = Templates().Check("你好\n  {{ name + }}");

        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Line == 2);
    }

    [Fact]
    public void Check_accepts_a_valid_template()
    {
        Assert.Empty(Templates().Check("{{ if x }}有{{ else }}无{{ end }}"));
    }

    [Fact]
    public async Task A_syntax_error_fails_rendering_with_the_template_name_and_position()
    {
        var ex = await Assert.ThrowsAsync<TemplateException>(() =>
            Templates().RenderAsync("broken", "好\n{{ end }}", new Preview("t", []), CancellationToken.None));

        Assert.Equal("broken", ex.TemplateName);
        Assert.Equal(2, ex.Errors[0].Line);
    }

    [Fact]
    public async Task An_unknown_variable_is_an_error_not_an_empty_string()
    {
        var ex = await Assert.ThrowsAsync<TemplateException>(() =>
            Templates().RenderAsync("t", "你好 {{ nmae }}", new Preview("t", []), CancellationToken.None));

        Assert.Contains("nmae", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, ex.Errors[0].Line);
    }

    [Fact]
    public async Task A_runaway_loop_is_stopped_by_the_loop_limit()
    {
        var ex = await Assert.ThrowsAsync<TemplateException>(() =>
            Templates(new TemplateLimits { LoopLimit = 50 }).RenderAsync("loop", "{{ for i in 1..100000 }}x{{ end }}", new Preview("t", []), CancellationToken.None));

        Assert.Contains("loop", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_while_true_loop_is_stopped_by_the_loop_limit()
    {
        await Assert.ThrowsAsync<TemplateException>(() =>
            Templates().RenderAsync("loop", "{{ while true }}{{ end }}", new Preview("t", []), CancellationToken.None));
    }

    [Fact]
    public async Task Unbounded_recursion_is_stopped_by_the_recursion_limit()
    {
        var text = "{{ func f(n)\n ret f(n + 1)\nend }}{{ f(1) }}";

        var ex = await Assert.ThrowsAsync<TemplateException>(() =>
            Templates(new TemplateLimits { RecursionLimit = 10 }).RenderAsync("recursion", text, new Preview("t", []), CancellationToken.None));

        Assert.Contains("recursi", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Output_beyond_the_limit_fails_instead_of_flooding_a_chat()
    {
        await Assert.ThrowsAsync<TemplateException>(() =>
            Templates(new TemplateLimits { OutputLimit = 100 }).RenderAsync("big", "{{ for i in 1..90 }}很长的消息{{ end }}", new Preview("t", []), CancellationToken.None));
    }

    [Fact]
    public async Task String_multiplication_cannot_build_a_huge_string()
    {
        await Assert.ThrowsAsync<TemplateException>(() =>
            Templates(new TemplateLimits { OutputLimit = 1000 }).RenderAsync("big", "{{ 'A' * 200000000 }}", new Preview("t", []), CancellationToken.None));
    }

    [Fact]
    public async Task Rendering_that_takes_too_long_is_aborted()
    {
        var limits = new TemplateLimits { LoopLimit = 0, OutputLimit = 0, Timeout = TimeSpan.FromMilliseconds(100) };

        var ex = await Assert.ThrowsAsync<TemplateException>(() =>
            Templates(limits).RenderAsync("slow", "{{ for i in 1..2000000000 }}{{ end }}", new Preview("t", []), CancellationToken.None));

        Assert.Contains("longer than", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deeply_nested_expressions_are_refused_at_parse_time()
    {
        var text = "{{ " + new string('(', 5000) + "1" + new string(')', 5000) + " }}";

        await Assert.ThrowsAsync<TemplateException>(() =>
            Templates().RenderAsync("nested", text, new Preview("t", []), CancellationToken.None));
    }

    [Fact]
    public async Task Templates_see_only_model_properties_not_methods()
    {
        await Assert.ThrowsAsync<TemplateException>(() =>
            Templates().RenderAsync("escape", "{{ title.get_type }}", new Preview("t", []), CancellationToken.None));
        var output = await Templates().RenderAsync("escape", "{{ items.size }}", new Preview("t", [new Item(1, "a", 1m)]), CancellationToken.None);
        Assert.Equal("1", output);
    }

    [Fact]
    public void An_oversized_template_text_is_refused()
    {
        var errors = Templates(new TemplateLimits { SourceLimit = 10 }).Check(new string('字', 11));

        Assert.Contains("at most 10", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_default_template_is_reported_by_name()
    {
        var templates = new MessageTemplates(new DefaultTemplates(Path.GetTempPath()), new TemplateLimits());

        var ex = await Assert.ThrowsAsync<TemplateException>(() => templates.RenderAsync(new Chats.HelpMessage("g", "l", false, "bot"), CancellationToken.None));

        Assert.Equal("help", ex.TemplateName);
    }
}

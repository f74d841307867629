using BenchmarkDotNet.Attributes;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Templates;

namespace GroupBuy.Benchmarks.Templates;

/// <summary>
/// Every bot message is rendered from a template inside the sandbox; this measures a render on
/// the hot path (cached parse, fresh context) and the first parse of an edited template.
/// </summary>
[MemoryDiagnoser]
public class TemplateRenderingBenchmarks
{
    private const string PreviewText = """
        【{{ title }}】截单 {{ closes_at }}，{{ pickup_point }} 自提
        {{~ for item in items }}
        {{ item.item_no }}号 {{ item.name }} ¥{{ item.price }}（超市 ¥{{ item.reference_price }}）
        {{~ end }}
        回复“编号+数量”下单，例如 1号+2
        """;

    private readonly MessageTemplates templates = new(new DefaultTemplates(Path.Combine(AppContext.BaseDirectory, "templates")), new TemplateLimits());
    private readonly HelpMessage help = new("阳光花园3栋团购群", "李姐", MentionRequired: true, BotName: "团购助手");
    private Preview preview = null!;

    [Params(5, 30)]
    public int ItemCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        preview = new Preview(
            "周四鲜果",
            "周四 22:00",
            "3栋大堂",
            [.. Enumerable.Range(1, ItemCount).Select(i => new PreviewItem(i, $"商品{i}", 9.9m + i, 12m + i))]);
    }

    [Benchmark(Baseline = true)]
    public Task<string> Help() => templates.RenderAsync(help, CancellationToken.None);

    [Benchmark]
    public Task<string> PreviewCached() => templates.RenderAsync("preview", PreviewText, preview, CancellationToken.None);

    [Benchmark]
    public IReadOnlyList<TemplateError> CheckEditedTemplate() => templates.Check(PreviewText + ItemCount);

    public sealed record PreviewItem(int ItemNo, string Name, decimal Price, decimal ReferencePrice);

    public sealed record Preview(string Title, string ClosesAt, string PickupPoint, IReadOnlyList<PreviewItem> Items);
}

using GroupBuy.BotHost.Tests.Ordering.Llm;
using GroupBuy.Conversations.AfterSales;
using Xunit;

namespace GroupBuy.BotHost.Tests.AfterSales;

/// <summary>
/// Words the keyword rules cannot place go to the LLM (an OpenAI-compatible server played by
/// WireMock.Net over real HTTP): its reading is used when it checks out, and a slow or useless
/// answer falls back to the numbered question (PostgreSQL, through the gateway).
/// </summary>
public sealed class AfterSalesWithModelTests : AfterSalesOnPostgres
{
    private const string Orange = "买的橙子放两天就软了还有点酸";

    private readonly LlmFake model = new(configured: false);

    protected override (string Key, string? Value)[] Settings =>
    [
        ("Llm:Endpoint", model.Endpoint),
        ("Llm:ApiKey", LlmFake.ApiKey),
        ("Llm:Model", LlmFake.Model),
        ("Llm:TimeoutSeconds", "1"),
    ];

    protected override Task ArrangeAsync() => World.OrderAndCollectAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await model.DisposeAsync();
    }

    [Fact]
    public async Task The_type_question_answered_in_free_words_is_read_by_the_model()
    {
        model.AnswerWithJson(new { complaint = true, type = "quality" });
        await World.PrivatelyAsync(Wang, WangName, "售后");
        Assert.Contains("遇到的是哪类问题", (await World.SaidAsync())[^1].Text, StringComparison.Ordinal);
        Assert.Empty(model.Requests);

        await World.PrivatelyAsync(Wang, WangName, Orange);

        Assert.Contains("拍一张质量问题的照片", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
        var request = Assert.Single(model.Requests);
        Assert.Contains("issue_classification", request.Body, StringComparison.Ordinal);
        Assert.Contains(Orange, System.Text.RegularExpressions.Regex.Unescape(request.Body), StringComparison.Ordinal);
        Assert.Equal(IssueType.Quality, Assert.Single(await World.DialogsAsync()).Type);
    }

    [Fact]
    public async Task A_complaint_without_any_cue_said_privately_starts_an_intake_of_the_models_type()
    {
        model.AnswerWithJson(new { complaint = true, type = "quality" });
        await World.SaidAsync();

        await World.PrivatelyAsync(Wang, WangName, Orange);

        Assert.Contains("拍一张质量问题的照片", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
        var dialog = Assert.Single(await World.DialogsAsync());
        Assert.Equal((IssueType.Quality, IntakeStep.Evidence), (dialog.Type!.Value, dialog.Step));
    }

    [Fact]
    public async Task Group_chat_nobody_addressed_to_the_bot_is_never_sent_to_the_model()
    {
        model.AnswerWithJson(new { complaint = true, type = "quality" });

        await World.SayAsync("u-li", "李叔", "今天的橙子放两天就软了还有点酸");

        Assert.Empty(model.Requests);
        Assert.Empty(await World.DialogsAsync());
    }

    [Fact]
    public async Task A_slow_model_falls_back_to_asking_the_numbered_question_again()
    {
        model.AnswerWithJson(new { complaint = true, type = "quality" });
        await World.PrivatelyAsync(Wang, WangName, "售后");
        await World.SaidAsync();
        model.Server.Reset();
        model.AnswerWith("{\"complaint\":true,\"type\":\"quality\"}", delay: TimeSpan.FromSeconds(3));

        await World.PrivatelyAsync(Wang, WangName, Orange);

        Assert.StartsWith("王阿姨，没太明白，【周四鲜果】遇到的是哪类问题？回复序号：", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
        var dialog = Assert.Single(await World.DialogsAsync());
        Assert.Equal((null, IntakeStep.ChooseType), (dialog.Type, dialog.Step));
    }

    [Fact]
    public async Task A_model_answer_outside_the_schema_is_not_used()
    {
        model.AnswerWithJson(new { complaint = true, type = "quality" });
        await World.PrivatelyAsync(Wang, WangName, "售后");
        await World.SaidAsync();
        model.Server.Reset();
        model.AnswerWithJson(new { complaint = true, type = "rotten" });

        await World.PrivatelyAsync(Wang, WangName, Orange);

        Assert.StartsWith("王阿姨，没太明白", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
        Assert.Null(Assert.Single(await World.DialogsAsync()).Type);
    }
}

using System.Text.Json;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.AfterSales.Llm;
using Xunit;

namespace GroupBuy.Conversations.Tests.AfterSales;

/// <summary>The classifier's answer: the strict parse, and what each answer stands for.</summary>
public sealed class IssueAnswerTests
{
    [Theory]
    [InlineData("""{"complaint":true,"type":"quality"}""", true, IssueType.Quality)]
    [InlineData("""{"complaint":true,"type":"order"}""", true, IssueType.Order)]
    [InlineData("""{"complaint":true,"type":"delivery"}""", true, IssueType.Delivery)]
    [InlineData("""{"complaint":true,"type":"mistaken_order"}""", true, IssueType.MistakenOrder)]
    [InlineData("""{"type":"delivery","complaint":true}""", true, IssueType.Delivery)]
    [InlineData(""" { "complaint" : true , "type" : "order" } """, true, IssueType.Order)]
    public void A_typed_answer_is_that_type(string content, bool complaint, IssueType type)
    {
        var answer = IssueAnswer.Parse(content);

        Assert.NotNull(answer);
        Assert.Equal(new IssueClassification(complaint, type), answer.ToClassification(out var outcome));
        Assert.Equal("read", outcome);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Unclear_has_no_type(bool complaint)
    {
        var answer = IssueAnswer.Parse($$"""{"complaint":{{(complaint ? "true" : "false")}},"type":"unclear"}""");

        Assert.Equal(new IssueClassification(complaint, null), answer?.ToClassification(out _));
    }

    [Theory]
    [InlineData("quality")]
    [InlineData("order")]
    [InlineData("delivery")]
    [InlineData("mistaken_order")]
    public void A_type_on_a_non_complaint_is_not_taken(string type)
    {
        var answer = IssueAnswer.Parse($$"""{"complaint":false,"type":"{{type}}"}""");

        Assert.NotNull(answer);
        Assert.Null(answer.ToClassification(out var outcome));
        Assert.Equal("a type on a non-complaint", outcome);
    }

    [Theory]
    [InlineData("refund")]
    [InlineData("Quality")]
    [InlineData("mistaken-order")]
    [InlineData("")]
    public void A_type_outside_the_schema_is_not_taken(string type)
    {
        var answer = IssueAnswer.Parse($$"""{"complaint":true,"type":"{{type}}"}""");

        Assert.NotNull(answer);
        Assert.Null(answer.ToClassification(out var outcome));
        Assert.Equal("a type outside the schema", outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("\"quality\"")]
    [InlineData("not json")]
    [InlineData("""{"complaint":true,"type":"quality"}""" + " ok")]
    [InlineData("""{"complaint":true,"type":"quality"}{"complaint":false,"type":"unclear"}""")]
    [InlineData("""[{"complaint":true,"type":"quality"}]""")]
    [InlineData("""{"complaint":true,"type":"quality","reason":"烂了"}""")]
    [InlineData("""{"complaint":true}""")]
    [InlineData("""{"type":"quality"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"complaint":null,"type":"quality"}""")]
    [InlineData("""{"complaint":true,"type":null}""")]
    [InlineData("""{"complaint":"true","type":"quality"}""")]
    [InlineData("""{"complaint":1,"type":"quality"}""")]
    [InlineData("""{"complaint":true,"type":1}""")]
    [InlineData("""{"complaint":true,"type":["quality"]}""")]
    [InlineData("""{"Complaint":true,"Type":"quality"}""")]
    [InlineData("""{"complaint":true,"complaint":false,"type":"unclear"}""")]
    public void Anything_but_exactly_one_answer_object_is_null(string? content)
    {
        Assert.Null(IssueAnswer.Parse(content));
    }

    [Fact]
    public void The_schema_is_strict_mode_compatible()
    {
        using var schema = JsonDocument.Parse(IssueAnswer.Schema.ToString());
        var root = schema.RootElement;

        Assert.Equal("object", root.GetProperty("type").GetString());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        var properties = root.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(properties, root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(
            [IssueAnswer.Quality, IssueAnswer.Order, IssueAnswer.Delivery, IssueAnswer.MistakenOrder, IssueAnswer.Unclear],
            root.GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}

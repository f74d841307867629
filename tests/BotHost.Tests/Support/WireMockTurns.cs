using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GroupBuy.BotHost.Tests.Support;

/// <summary>A peer that answers one path with a sequence of JSON answers, one per call; the last repeats.</summary>
internal static class WireMockTurns
{
    public static void AnswerInTurn(this WireMockServer server, string path, params (int Status, string Body)[] answers)
    {
        var scenario = $"turns:{path}";
        for (var i = 0; i < answers.Length; i++)
        {
            var given = server.Given(Request.Create().WithPath(path).UsingAnyMethod()).InScenario(scenario);
            if (i > 0)
            {
                given = given.WhenStateIs($"after-{i}");
            }

            if (i < answers.Length - 1)
            {
                given = given.WillSetStateTo($"after-{i + 1}");
            }

            given.RespondWith(Response.Create().WithStatusCode(answers[i].Status).WithHeader("Content-Type", "application/json").WithBody(answers[i].Body));
        }
    }
}

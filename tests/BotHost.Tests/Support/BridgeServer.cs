using System.Text.Json;
using GroupBuy.BotHost.Channels.Gateway;
using WireMock.Server;
using WireMockRequest = WireMock.RequestBuilders.Request;
using WireMockResponse = WireMock.ResponseBuilders.Response;

namespace GroupBuy.BotHost.Tests.Support;

/// <summary>A chat bridge over real HTTP (WireMock.Net): takes the bot's outbound POSTs and records them.</summary>
public sealed class BridgeServer : IDisposable
{
    public const string Path = "/outbound";

    private readonly WireMockServer server = WireMockServer.Start();

    public BridgeServer()
    {
        AnswerAlways(200);
    }

    public Uri OutboundUrl => new(server.Url + Path);

    /// <summary>Answers every POST with the given status.</summary>
    public void AnswerAlways(int status)
    {
        server.ResetMappings();
        server.Given(WireMockRequest.Create().WithPath(Path).UsingPost()).RespondWith(WireMockResponse.Create().WithStatusCode(status));
    }

    /// <summary>Instead of a status: the bridge closes the connection without answering.</summary>
    public const int HangUp = -1;

    /// <summary>Instead of a status: the bridge answers 200 only after <see cref="SlowAnswer"/> (the sender has given up by then).</summary>
    public const int Slow = -2;

    public static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(3);

    /// <summary>Answers the first POSTs with the given statuses (or <see cref="HangUp"/>, <see cref="Slow"/>), then 200.</summary>
    public void AnswerInTurn(params int[] statuses)
    {
        server.ResetMappings();
        for (var i = 0; i < statuses.Length; i++)
        {
            var turn = server.Given(WireMockRequest.Create().WithPath(Path).UsingPost()).InScenario("turns");
            var answer = statuses[i] switch
            {
                HangUp => WireMockResponse.Create().WithFault(WireMock.ResponseBuilders.FaultType.EMPTY_RESPONSE),
                Slow => WireMockResponse.Create().WithStatusCode(200).WithDelay(SlowAnswer),
                var status => WireMockResponse.Create().WithStatusCode(status),
            };
            (i == 0 ? turn : turn.WhenStateIs($"after-{i}"))
                .WillSetStateTo($"after-{i + 1}")
                .RespondWith(answer);
        }

        server.Given(WireMockRequest.Create().WithPath(Path).UsingPost())
            .InScenario("turns").WhenStateIs($"after-{statuses.Length}")
            .RespondWith(WireMockResponse.Create().WithStatusCode(200));
    }

    /// <summary>Every POST received, in order, with its signature headers.</summary>
    public IReadOnlyList<BridgeDelivery> Deliveries => [.. server.LogEntries
        .Where(e => e.RequestMessage.Path == Path)
        .OrderBy(e => e.RequestMessage.DateTime)
        .Select(e => new BridgeDelivery(
            JsonDocument.Parse(e.RequestMessage.Body ?? "{}").RootElement.Clone(),
            e.RequestMessage.Body ?? string.Empty,
            Header(e.RequestMessage.Headers, GatewaySignature.TimestampHeader),
            Header(e.RequestMessage.Headers, GatewaySignature.SignatureHeader),
            e.ResponseMessage.StatusCode is int code ? code : 0))];

    public async Task<IReadOnlyList<BridgeDelivery>> WaitForDeliveriesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var deliveries = Deliveries;
            if (deliveries.Count >= count)
            {
                return deliveries;
            }

            await Task.Delay(50);
        }

        return Deliveries;
    }

    public void Dispose() => server.Stop();

    private static string? Header(IDictionary<string, WireMock.Types.WireMockList<string>>? headers, string name) =>
        headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}

public sealed record BridgeDelivery(JsonElement Body, string RawBody, string? Timestamp, string? Signature, int AnsweredWith)
{
    public string IdempotencyKey => Body.GetProperty("idempotencyKey").GetString()!;

    public string Text => Body.GetProperty("text").GetString()!;
}

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using GroupBuy.Testing;

namespace GroupBuy.LaunchBurst;

/// <summary>
/// The bridge's outbound endpoint (<c>Gateway:OutboundUrl</c>): answers 200 at once, verifies
/// nothing, and notes when each message arrived, for which chat, under which idempotency key.
/// </summary>
internal sealed class BridgeSink : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<Arrival> arrivals = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public BridgeSink()
    {
        Port = FreePort.Next();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ListenAsync);
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/send");

    public IReadOnlyList<Arrival> Arrivals => [.. arrivals];

    private async Task ListenAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var at = RunClock.Now;
        try
        {
            using (var buffer = new MemoryStream())
            {
                await context.Request.InputStream.CopyToAsync(buffer);
                Note(at, buffer.ToArray());
            }

            context.Response.StatusCode = 200;
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
        }
    }

    private void Note(TimeSpan at, byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var chatId = root.TryGetProperty("chatId", out var chat) && chat.ValueKind == JsonValueKind.String ? chat.GetString() : null;
            var key = root.TryGetProperty("idempotencyKey", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            arrivals.Enqueue(new Arrival(at, chatId, key ?? string.Empty));
        }
        catch (JsonException)
        {
            arrivals.Enqueue(new Arrival(at, null, string.Empty));
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        try
        {
            listener.Stop();
            listener.Close();
        }
        catch (ObjectDisposedException)
        {
        }

        loop.Wait(TimeSpan.FromSeconds(5));
        stop.Dispose();
    }

    /// <summary>One message from the host; acknowledgements have keys <c>ack:{batch}</c>.</summary>
    internal sealed record Arrival(TimeSpan At, string? ChatId, string Key)
    {
        public bool IsAck => Key.StartsWith("ack:", StringComparison.Ordinal);
    }
}

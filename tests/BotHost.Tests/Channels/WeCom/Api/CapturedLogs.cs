using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GroupBuy.BotHost.Tests.Channels.WeCom.Api;

/// <summary>
/// Our own in-memory logging sink: keeps every entry at every level from every category (HttpClient
/// factory, Polly, ours), with its formatted text, its structured values and its exception.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> entries = new();

    public IReadOnlyList<Entry> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Everything an entry could leak: message, structured values, the exception with its inner ones.</summary>
    public string AllText() => string.Join('\n', Entries.Select(e => e.FullText));

    public sealed record Entry(string Category, LogLevel Level, string Message, string FullText);

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            sink.entries.Enqueue(new Entry(category, logLevel, message, $"{category} {logLevel} {message} {values} {exception}"));
        }
    }
}

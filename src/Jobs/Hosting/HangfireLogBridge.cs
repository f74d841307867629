using System.Collections.Concurrent;
using Hangfire.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using MsLevel = Microsoft.Extensions.Logging.LogLevel;

namespace GroupBuy.Jobs.Hosting;

/// <summary>
/// Hangfire logs through one static provider, and its types cache loggers in static fields. Its
/// ASP.NET Core provider pins the first host's logger factory there, which breaks every later
/// host in the same process once that one stops (as in tests). This bridge logs to whichever
/// host is running now, and to nothing between hosts.
/// </summary>
internal sealed class HangfireLogBridge : ILogProvider
{
    public static readonly HangfireLogBridge Instance = new();

    private volatile ILoggerFactory? current;

    public ILog GetLogger(string name) => new BridgedLog(this, name);

    public void Attach(ILoggerFactory factory) => current = factory;

    public void Detach(ILoggerFactory factory) => Interlocked.CompareExchange(ref current, null, factory);

    private sealed class BridgedLog(HangfireLogBridge bridge, string name) : ILog
    {
        private readonly ConcurrentDictionary<ILoggerFactory, ILogger> loggers = new();

        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var factory = bridge.current;
            if (factory is null)
            {
                return false;
            }

            ILogger logger;
            try
            {
                logger = loggers.GetOrAdd(factory, f => f.CreateLogger(name));
            }
            catch (ObjectDisposedException)
            {
                return false;
            }

            var level = logLevel switch
            {
                HangfireLevel.Trace => MsLevel.Trace,
                HangfireLevel.Debug => MsLevel.Debug,
                HangfireLevel.Info => MsLevel.Information,
                HangfireLevel.Warn => MsLevel.Warning,
                HangfireLevel.Error => MsLevel.Error,
                _ => MsLevel.Critical,
            };
            if (messageFunc is null)
            {
                return logger.IsEnabled(level);
            }

            if (logger.IsEnabled(level))
            {
#pragma warning disable CA2254 // Hangfire hands over finished text, not a message template.
                logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254
            }

            return true;
        }
    }
}

/// <summary>Points the bridge at this host's logging while it runs.</summary>
internal sealed class HangfireLogBridgeAttachment(ILoggerFactory loggerFactory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        HangfireLogBridge.Instance.Attach(loggerFactory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        HangfireLogBridge.Instance.Detach(loggerFactory);
        return Task.CompletedTask;
    }
}

using GroupBuy.Conversations.Templates;

namespace GroupBuy.BotHost.Templates;

/// <summary>
/// Keeps this host's <see cref="TemplateOverrides"/> in step with the database, so a version saved
/// on any host is what every host says within <c>Templates:RefreshSeconds</c> (default 2), with no
/// restart. Each round reads only the newest version id; the texts are read again when it moved.
/// Renders never wait on the database.
/// </summary>
internal sealed partial class TemplateRefresher(IServiceScopeFactory scopes, TemplateOverrides overrides, IConfiguration configuration, TimeProvider clock, ILogger<TemplateRefresher> logger)
    : BackgroundService
{
    public const string IntervalKey = "Templates:RefreshSeconds";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // After the start-up migration (StartupChecks runs first) and before webhooks are taken:
        // the first message after a restart already has ops' wording.
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval(), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away for a moment: keep saying what we said, try again next round.
                LogRefreshFailed(ex.GetType().Name);
            }
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<TemplateStore>();
        if (await store.StampAsync(cancellationToken) == overrides.Stamp && overrides.Stamp != 0)
        {
            return;
        }

        var (texts, stamp) = await store.CurrentTextsAsync(cancellationToken);
        overrides.Replace(texts, stamp);
    }

    private TimeSpan Interval()
    {
        var seconds = configuration.GetValue<double?>(IntervalKey) ?? 2;
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 0.2, 60));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the edited templates ({Error}); the wording in use stays until the next try.")]
    private partial void LogRefreshFailed(string error);
}

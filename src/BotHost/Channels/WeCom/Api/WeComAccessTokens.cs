using System.Collections.Concurrent;

namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// Access tokens from <c>cgi-bin/gettoken</c>, cached per (corp id, secret) because each application
/// has its own token. WeCom asks callers to cache (gettoken itself is rate limited) and to fetch
/// again when a token is refused, since it may revoke tokens early.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A token is refreshed 5 minutes before <c>expires_in</c> runs out (half its life if it is
/// shorter than 10 minutes), so no call goes out with a token about to expire in flight.</item>
/// <item>Single flight: callers arriving while a fetch is running share it; a burst of sends after a
/// restart makes one gettoken call, not one per send.</item>
/// <item>If a refresh fails transiently while the old token is still inside its lifetime, the old
/// token is used; the next call tries the refresh again.</item>
/// <item>A refused secret or corp id is remembered for <see cref="ConfigurationFailureHold"/>: calls
/// in that time fail at once with the same <see cref="WeComConfigurationException"/> instead of
/// hammering gettoken with credentials that cannot work. New credentials are a new cache entry.</item>
/// </list>
/// </remarks>
internal sealed class WeComAccessTokens
{
    public const string Api = "gettoken";
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ConfigurationFailureHold = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<Credentials, Slot> slots = new();
    private readonly WeComHttp http;
    private readonly TimeProvider clock;
    private readonly ILogger<WeComAccessTokens> logger;

    public WeComAccessTokens(WeComHttp http, TimeProvider clock, ILogger<WeComAccessTokens> logger)
    {
        this.http = http;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>A token for this application, from the cache when it is still fresh.</summary>
    public async Task<string> GetAsync(string corpId, string secret, CancellationToken cancellationToken)
    {
        var credentials = new Credentials(corpId, secret);
        var slot = slots.GetOrAdd(credentials, _ => new Slot());
        CachedToken? current;
        Task<CachedToken> fetch;
        lock (slot)
        {
            var now = clock.GetUtcNow();
            if (slot.Refusal is { } refusal && now < refusal.Until)
            {
                throw new WeComConfigurationException(refusal.Exception.Message, refusal.Exception.SettingKey, refusal.Exception.ErrorCode, refusal.Exception);
            }

            current = slot.Token;
            if (current is not null && now < current.RefreshAt)
            {
                return current.Value;
            }

            // Shared by every caller that arrives while it runs, so it must not stop when one of
            // them gives up: each caller's token only ends that caller's wait. The pipeline's 30 s
            // budget bounds the fetch itself.
            fetch = slot.Fetch ??= Task.Run(() => FetchAsync(credentials, slot), CancellationToken.None);
        }

        try
        {
            return (await fetch.WaitAsync(cancellationToken)).Value;
        }
        catch (Exception ex) when (ex is WeComTransientException or WeComRateLimitedException
            && current is not null && clock.GetUtcNow() < current.ExpiresAt)
        {
            logger.LogWarning("Refreshing the WeCom access token failed ({Failure}); using the current one until it expires at {ExpiresAt:O}", ex.GetType().Name, current.ExpiresAt);
            return current.Value;
        }
    }

    /// <summary>
    /// WeCom refused <paramref name="staleToken"/> (errcode 40014/42001): drop it, unless another caller
    /// already replaced it, so a burst of refusals leads to one new fetch.
    /// </summary>
    public void Invalidate(string corpId, string secret, string staleToken)
    {
        if (slots.TryGetValue(new Credentials(corpId, secret), out var slot))
        {
            lock (slot)
            {
                if (slot.Token is { } token && token.Value == staleToken)
                {
                    slot.Token = null;
                }
            }
        }
    }

    private async Task<CachedToken> FetchAsync(Credentials credentials, Slot slot)
    {
        try
        {
            var reply = await http.GetAsync(
                Api,
                $"cgi-bin/gettoken?corpid={Uri.EscapeDataString(credentials.CorpId)}&corpsecret={Uri.EscapeDataString(credentials.Secret)}",
                CancellationToken.None);
            http.EnsureOk(Api, reply);

            var value = reply.GetString("access_token");
            if (string.IsNullOrEmpty(value))
            {
                throw new WeComTransientException(Api, "WeCom gettoken answered errcode 0 without an access_token.", mayHaveBeenDelivered: false);
            }

            var fetchedAt = clock.GetUtcNow();
            var lifetime = TimeSpan.FromSeconds(reply.GetInt32("expires_in") is int seconds and > 0 ? seconds : 7200);
            var ahead = lifetime > 2 * RefreshAhead ? RefreshAhead : lifetime / 2;
            var token = new CachedToken(value, fetchedAt + lifetime - ahead, fetchedAt + lifetime);
            logger.LogInformation("Fetched a WeCom access token for corp {CorpId}, valid for {Lifetime}", credentials.CorpId, lifetime);
            lock (slot)
            {
                slot.Token = token;
                slot.Refusal = null;
            }

            return token;
        }
        catch (WeComConfigurationException ex)
        {
            lock (slot)
            {
                slot.Token = null;
                slot.Refusal = new Refusal(ex, clock.GetUtcNow() + ConfigurationFailureHold);
            }

            throw;
        }
        finally
        {
            lock (slot)
            {
                slot.Fetch = null;
            }
        }
    }

    /// <summary>The cache key. ToString names only the corp, so a logged key never shows the secret.</summary>
    private readonly record struct Credentials(string CorpId, string Secret)
    {
        public override string ToString() => CorpId;
    }

    /// <summary>A class rather than a record: nothing may print the token by accident.</summary>
    private sealed class CachedToken(string value, DateTimeOffset refreshAt, DateTimeOffset expiresAt)
    {
        public string Value { get; } = value;

        public DateTimeOffset RefreshAt { get; } = refreshAt;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;
    }

    private sealed record Refusal(WeComConfigurationException Exception, DateTimeOffset Until);

    private sealed class Slot
    {
        public CachedToken? Token { get; set; }

        public Task<CachedToken>? Fetch { get; set; }

        public Refusal? Refusal { get; set; }
    }
}

namespace GroupBuy.Conversations.Inbox;

/// <summary>
/// Wakes the inbox workers of this host when a message is stored, so it is processed at once
/// rather than at the next poll. Polling still finds messages stored by other hosts.
/// </summary>
public sealed class InboxSignal
{
    private TaskCompletionSource pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref pulse, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Returns when pulsed or when <paramref name="timeout"/> has passed, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref pulse).Task;
        await Task.WhenAny(current, Task.Delay(timeout, clock, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
    }
}

namespace GroupBuy.Conversations;

/// <summary>
/// The host cannot run as configured. The message names the setting to fix (and never contains a
/// secret); the host prints it and stops instead of running half-broken.
/// </summary>
public sealed class InvalidSettingException : Exception
{
    public InvalidSettingException(string message)
        : base(message)
    {
    }

    public InvalidSettingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidSettingException()
    {
    }
}

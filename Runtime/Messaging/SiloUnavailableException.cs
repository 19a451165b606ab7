namespace Recsys.Runtime.Messaging;

/// <summary>The silo or gateway a call was sent to cannot be reached, or its connection closed before the response.</summary>
public sealed class SiloUnavailableException : Exception
{
    public SiloUnavailableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>A grain threw an exception type this process cannot rebuild; type name and message are kept.</summary>
public sealed class RemoteGrainException : Exception
{
    public RemoteGrainException(string exceptionType, string message)
        : base($"{exceptionType}: {message}")
    {
        ExceptionType = exceptionType;
        RemoteMessage = message;
    }

    public string ExceptionType { get; }

    public string RemoteMessage { get; }
}

using Recsys.Grains.BulkLoad;
using Recsys.Grains.Import;
using Recsys.Grains.Interfaces.Errors;
using Recsys.Grains.Models;
using Recsys.Runtime.Messaging;

namespace Recsys.Cli;

/// <summary>
/// Turns a failure into one line on standard error and an exit code: bad input (a malformed file or option, a value
/// the domain refuses, an unknown user or post) is 2; anything else is 1. Never a stack trace.
/// </summary>
public static class CliErrors
{
    public static int Report(Exception exception, TextWriter error)
    {
        var (code, message) = exception switch
        {
            CliInputException or ImportFormatException or ModelFileException => (ExitCodes.BadInput, exception.Message),
            ValidationException or UnknownEntityException => (ExitCodes.BadInput, exception.Message),
            SiloUnavailableException => (ExitCodes.Failed, $"cannot reach the cluster: {exception.Message}"),
            BulkLoadConflictException => (ExitCodes.Failed, exception.Message),
            TimeoutException => (ExitCodes.Failed, $"timed out: {exception.Message}"),
            OperationCanceledException => (ExitCodes.Failed, "cancelled"),
            _ => (ExitCodes.Failed, $"{exception.GetType().Name}: {exception.Message}"),
        };
        error.WriteLine("recsys: " + OneLine(message));
        return code;
    }

    public static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

using Microsoft.AspNetCore.Diagnostics;

namespace Recsys.Silo.Api;

/// <summary>Any other failure: 500 problem details with a trace id and no exception details (never a stack trace).</summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        Log.Unhandled(logger, exception, context.Request.Method, context.Request.Path);
        await Results.Problem(
            title: "The request failed inside the silo.",
            statusCode: StatusCodes.Status500InternalServerError,
            extensions: new Dictionary<string, object?> { ["traceId"] = context.TraceIdentifier }).ExecuteAsync(context);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5100, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
        public static partial void Unhandled(ILogger logger, Exception exception, string method, string path);
    }
}

using Recsys.Grains.Interfaces.Errors;

namespace Recsys.Silo.Api;

/// <summary>Turns the grains' typed errors into 400 problem details naming the field (unknown ids included, as issue 5 asks).</summary>
public sealed class DomainErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (UnknownEntityException exception)
        {
            return ApiProblems.Field(exception.Field, $"unknown {exception.Kind.ToString().ToLowerInvariant()} {exception.Id}");
        }
        catch (ValidationException exception)
        {
            return ApiProblems.Field(exception.Field, exception.Problem);
        }
    }
}

namespace Recsys.Runtime.Filters;

/// <summary>
/// Runs around every call a silo's grains receive (silo-wide filters from DI in registration order, then the grain's
/// own filter if its class implements this interface). Must await <see cref="IIncomingGrainCallContext.Invoke"/>.
/// </summary>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}

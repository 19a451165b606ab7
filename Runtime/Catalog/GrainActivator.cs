using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Runtime.Storage;

namespace Recsys.Runtime.Catalog;

/// <summary>
/// Builds grain instances: constructor parameters come from the silo's services, except those marked
/// [PersistentState], which get a state bound to the named storage provider for this grain id.
/// </summary>
internal sealed class GrainActivator
{
    private static readonly MethodInfo BindStateMethod = typeof(GrainActivator).GetMethod(nameof(BindState), BindingFlags.NonPublic | BindingFlags.Static)!;
    private readonly ConstructorInfo _constructor;
    private readonly Func<ActivationData, (object Value, IPersistentStateBinding? State)>[] _parameters;
    private readonly int _stateCount;

    public GrainActivator(Type classType)
    {
        _constructor = classType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {classType} has no public constructor.");
        var parameters = _constructor.GetParameters();
        _parameters = parameters.Select(Resolver).ToArray();
        _stateCount = parameters.Count(p => p.GetCustomAttribute<PersistentStateAttribute>() is not null);
    }

    public (object Grain, IPersistentStateBinding[] States) Create(ActivationData activation)
    {
        var arguments = new object[_parameters.Length];
        var states = _stateCount == 0 ? [] : new IPersistentStateBinding[_stateCount]; // exact: kept for the activation's life
        var bound = 0;
        for (var i = 0; i < _parameters.Length; i++)
        {
            var (value, state) = _parameters[i](activation);
            arguments[i] = value;
            if (state is not null)
            {
                states[bound++] = state;
            }
        }

        try
        {
            return (_constructor.Invoke(arguments), states);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }

    private static Func<ActivationData, (object, IPersistentStateBinding?)> Resolver(ParameterInfo parameter)
    {
        var attribute = parameter.GetCustomAttribute<PersistentStateAttribute>();
        if (attribute is null)
        {
            return activation => (activation.Services.ServiceProvider.GetRequiredService(parameter.ParameterType), null);
        }

        if (!parameter.ParameterType.IsGenericType || parameter.ParameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException($"[PersistentState] parameter {parameter.Name} must be an IPersistentState<T>.");
        }

        var bind = BindStateMethod.MakeGenericMethod(parameter.ParameterType.GetGenericArguments()[0])
            .CreateDelegate<Func<ActivationData, PersistentStateAttribute, IPersistentStateBinding>>();
        return activation =>
        {
            var state = bind(activation, attribute);
            return (state, state);
        };
    }

    private static IPersistentStateBinding BindState<TState>(ActivationData activation, PersistentStateAttribute attribute)
    {
        var provider = activation.Services.ServiceProvider;
        var storage = provider.GetKeyedService<IGrainStorage>(attribute.StorageName)
            ?? throw new InvalidOperationException(
                $"Grain {activation.GrainId} asks for grain storage '{attribute.StorageName}', but no provider of that name is configured.");
        return new PersistentState<TState>(storage, activation.GrainId, attribute, provider.GetRequiredService<GrainStateJson>().Options);
    }
}

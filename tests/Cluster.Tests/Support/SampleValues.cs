using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Recsys.Runtime;

namespace Recsys.Cluster.Tests.Support;

/// <summary>
/// Builds a non-default sample value of any type a grain interface uses: primitives, enums, collections, records
/// through their widest constructor, classes through settable properties, grain references through a factory.
/// </summary>
public sealed class SampleValues(IGrainFactory grains)
{
    public object? Create(Type type, int depth = 0)
    {
        if (depth > 6)
        {
            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }

        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return Create(underlying, depth);
        }

        if (Primitive(type) is { } primitive)
        {
            return primitive;
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length - 1);
        }

        if (type.IsInterface && typeof(IGrain).IsAssignableFrom(type))
        {
            return grains.GetGrain(type, GrainId.Create("sample", 7));
        }

        if (type.IsArray)
        {
            var array = Array.CreateInstance(type.GetElementType()!, 1);
            array.SetValue(Create(type.GetElementType()!, depth + 1), 0);
            return array;
        }

        if (type.IsGenericType && Collection(type, depth) is { } collection)
        {
            return collection;
        }

        return Construct(type, depth);
    }

    private static object? Primitive(Type type) => type switch
    {
        _ when type == typeof(string) => "sample",
        _ when type == typeof(int) => 7,
        _ when type == typeof(long) => 42L,
        _ when type == typeof(short) => (short)3,
        _ when type == typeof(byte) => (byte)5,
        _ when type == typeof(uint) => 9u,
        _ when type == typeof(ulong) => 11UL,
        _ when type == typeof(bool) => true,
        _ when type == typeof(double) => 1.5,
        _ when type == typeof(float) => 2.5f,
        _ when type == typeof(decimal) => 3.25m,
        _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero),
        _ when type == typeof(DateTime) => new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc),
        _ when type == typeof(TimeSpan) => TimeSpan.FromMinutes(90),
        _ when type == typeof(Guid) => new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
        _ when type == typeof(object) => "object",
        _ => null,
    };

    private object? Collection(Type type, int depth)
    {
        var definition = type.GetGenericTypeDefinition();
        var args = type.GetGenericArguments();
        if (args.Length == 1 && (definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(List<>)
            || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(ICollection<>)))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(args[0]))!;
            list.Add(Create(args[0], depth + 1));
            return list;
        }

        if (args.Length == 1 && (definition == typeof(ISet<>) || definition == typeof(HashSet<>) || definition == typeof(IReadOnlySet<>)))
        {
            var set = Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(args[0]))!;
            set.GetType().GetMethod("Add")!.Invoke(set, [Create(args[0], depth + 1)]);
            return set;
        }

        if (args.Length == 1 && definition == typeof(ImmutableArray<>))
        {
            var item = Create(args[0], depth + 1);
            var create = typeof(ImmutableArray).GetMethods().First(m => m.Name == "Create" && m.GetParameters().Length == 1 && !m.GetParameters()[0].ParameterType.IsArray && m.GetParameters()[0].ParameterType.IsGenericParameter);
            return create.MakeGenericMethod(args[0]).Invoke(null, [item]);
        }

        if (args.Length == 2 && (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>)))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
            dictionary.Add(Create(args[0], depth + 1)!, Create(args[1], depth + 1));
            return dictionary;
        }

        return null;
    }

    private object? Construct(Type type, int depth)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is null)
        {
            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }

        var instance = constructor.Invoke(constructor.GetParameters().Select(p => Create(p.ParameterType, depth + 1)).ToArray());
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0
                && constructor.GetParameters().All(p => !string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                property.SetValue(instance, Create(property.PropertyType, depth + 1));
            }
        }

        return instance;
    }
}

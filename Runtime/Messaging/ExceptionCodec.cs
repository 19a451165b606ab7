using System.Reflection;
using System.Text.Json;

namespace Recsys.Runtime.Messaging;

/// <summary>
/// Carries a grain's exception over the wire as type, message and the exception's own public properties, and
/// rebuilds it on the caller's side through a constructor whose parameters match those properties by name
/// (so typed exceptions keep their fields). A type the caller cannot rebuild becomes a RemoteGrainException.
/// </summary>
internal static class ExceptionCodec
{
    public static void Write(Utf8JsonWriter writer, Exception exception, JsonSerializerOptions options)
    {
        var type = exception.GetType();
        writer.WriteStartObject();
        writer.WriteString("type", type.FullName + ", " + type.Assembly.GetName().Name);
        writer.WriteString("message", exception.Message);
        writer.WriteStartObject("properties");
        foreach (var property in OwnProperties(type))
        {
            try
            {
                var value = property.GetValue(exception);
                var json = JsonSerializer.SerializeToUtf8Bytes(value, property.PropertyType, options);
                writer.WritePropertyName(property.Name);
                writer.WriteRawValue(json, skipInputValidation: true);
            }
            catch (Exception)
            {
                // a property that does not serialize is left out; type and message still arrive
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static Exception Read(ReadOnlySpan<byte> json, JsonSerializerOptions options)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        var typeName = root.GetProperty("type").GetString() ?? "";
        var message = root.GetProperty("message").GetString() ?? "";
        var properties = root.TryGetProperty("properties", out var p) ? p : default;
        var type = Type.GetType(typeName, throwOnError: false);
        if (type is null || !typeof(Exception).IsAssignableFrom(type))
        {
            return new RemoteGrainException(typeName, message);
        }

        return TryConstruct(type, message, properties, options) ?? new RemoteGrainException(type.FullName ?? typeName, message);
    }

    private static Exception? TryConstruct(Type type, string message, JsonElement properties, JsonSerializerOptions options)
    {
        foreach (var constructor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
        {
            var parameters = constructor.GetParameters();
            var arguments = new object?[parameters.Length];
            var ok = true;
            for (var i = 0; i < parameters.Length && ok; i++)
            {
                var parameter = parameters[i];
                if (string.Equals(parameter.Name, "message", StringComparison.OrdinalIgnoreCase) && parameter.ParameterType == typeof(string))
                {
                    arguments[i] = message;
                }
                else if (properties.ValueKind == JsonValueKind.Object && TryFind(properties, parameter.Name!, out var value))
                {
                    try
                    {
                        arguments[i] = value.Deserialize(parameter.ParameterType, options);
                    }
                    catch (JsonException)
                    {
                        ok = false;
                    }
                }
                else
                {
                    ok = false;
                }
            }

            if (ok)
            {
                try
                {
                    return (Exception)constructor.Invoke(arguments);
                }
                catch (TargetInvocationException)
                {
                }
            }
        }

        return null;
    }

    private static bool TryFind(JsonElement properties, string name, out JsonElement value)
    {
        foreach (var property in properties.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static IEnumerable<PropertyInfo> OwnProperties(Type type)
    {
        for (var t = type; t is not null && t != typeof(Exception); t = t.BaseType)
        {
            foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (property.CanRead && property.GetIndexParameters().Length == 0)
                {
                    yield return property;
                }
            }
        }
    }
}

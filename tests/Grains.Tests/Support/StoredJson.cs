using System.Text.Json;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.Tests.Support;

/// <summary>The JSON options grain state is stored with and grain calls travel in, with no domain converters or resolvers added.</summary>
public static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = new GrainStateJson([], []).Options;
}

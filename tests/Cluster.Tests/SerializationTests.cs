using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Cluster.Tests.Support;
using Recsys.Runtime.Invocation;
using Recsys.Runtime.Storage;

namespace Recsys.Cluster.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Transport")]
public sealed class SerializationTests
{
    public static TheoryData<string> InterfaceMethods()
    {
        var data = new TheoryData<string>();
        foreach (var grainInterface in GrainInterfaces())
        {
            foreach (var method in GrainInterfaceRegistry.Get(grainInterface).Methods)
            {
                data.Add(grainInterface.FullName + "." + method.Name + "#" + method.MethodId);
            }
        }

        return data;
    }

    [Fact]
    public void GrainsInterfacesDeclaresGrainInterfacesToCheck() => Assert.NotEmpty(GrainInterfaces());

    [Theory]
    [MemberData(nameof(InterfaceMethods))]
    public async Task EveryArgumentAndResultOfGrainsInterfacesRoundTripsThroughTheWireSerializer(string method)
    {
        await using var cluster = await ThreeSilos.StartAsync(silos: 1);
        var options = cluster.Services.GetRequiredService<GrainStateJson>().Options;
        var samples = new SampleValues(cluster.GrainFactory);
        var descriptor = Find(method);

        foreach (var type in descriptor.ParameterTypes.Append(descriptor.ResultType))
        {
            var value = samples.Create(type);
            var json = JsonSerializer.Serialize(value, type, options);
            var back = JsonSerializer.Deserialize(json, type, options);
            Assert.Equal(json, JsonSerializer.Serialize(back, type, options));
        }

        // and the request type the code generator wrote carries them the same way
        var request = descriptor.Factory();
        for (var i = 0; i < request.ArgumentCount; i++)
        {
            request.SetArgument(i, samples.Create(descriptor.ParameterTypes[i]));
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteArguments(writer, options);
        }

        var copy = descriptor.Factory();
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        reader.Read();
        copy.ReadArguments(ref reader, options);
        for (var i = 0; i < request.ArgumentCount; i++)
        {
            var type = descriptor.ParameterTypes[i];
            Assert.Equal(JsonSerializer.Serialize(request.GetArgument(i), type, options), JsonSerializer.Serialize(copy.GetArgument(i), type, options));
        }
    }

    private static IEnumerable<Type> GrainInterfaces() =>
        typeof(Recsys.Grains.Interfaces.Users.IUserGrain).Assembly.GetTypes()
            .Where(t => t.IsInterface && typeof(Recsys.Runtime.IGrain).IsAssignableFrom(t) && GrainInterfaceRegistry.Get(t).Methods.Count > 0);

    private static MethodDescriptor Find(string key)
    {
        var hash = key.LastIndexOf('#');
        var id = uint.Parse(key[(hash + 1)..]);
        var dot = key.LastIndexOf('.', hash);
        var grainInterface = GrainInterfaces().Single(t => t.FullName == key[..dot]);
        return GrainInterfaceRegistry.Get(grainInterface).Methods.Single(m => m.MethodId == id);
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using Recsys.Grains.Interfaces.Models;

namespace Recsys.Grains.Models;

/// <summary>
/// A silo's models: the embedded files, those fetched from the registry, and which version of each name is active.
/// Until the registry says otherwise, a name's active version is its newest embedded default ("default-vN" with the
/// highest N). Grains ask it for a compiled head on every evaluation; compiling is cached per version.
/// </summary>
public sealed class ModelCatalog
{
    private const string DefaultPrefix = "default-v";

    private readonly ConcurrentDictionary<(string Name, string Version), ModelFile> _files = new();
    private readonly ConcurrentDictionary<(string Name, string Version, string Head), CompiledHead> _compiled = new();
    private readonly IReadOnlyList<ModelSchema> _schemas;
    private readonly HashSet<(string Name, string Version)> _embedded = [];
    private readonly ConcurrentDictionary<(string Name, string Version), CompiledHeads> _compiledSets = new();
    private readonly ConcurrentDictionary<string, string?> _defaults = new(StringComparer.Ordinal);
    private volatile ActiveModels _active = new(0, new Dictionary<string, string>());

    public ModelCatalog(IEnumerable<ModelSchema> schemas)
        : this(schemas, EmbeddedModels.All)
    {
    }

    /// <summary>With other embedded files than this build's (tests). Internal, so DI never picks it with an empty list.</summary>
    internal ModelCatalog(IEnumerable<ModelSchema> schemas, IEnumerable<ModelFile> embedded)
    {
        _schemas = schemas.ToArray();
        foreach (var model in embedded)
        {
            _embedded.Add((model.Name, model.Version));
            _files[(model.Name, model.Version)] = model;
        }
    }

    /// <summary>The registry revision last applied (0: none yet).</summary>
    public long Revision => _active.Revision;

    public IReadOnlySet<(string Name, string Version)> Embedded => _embedded;

    public IEnumerable<ModelFile> Files => _files.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Version, StringComparer.Ordinal);

    public ModelFile? Find(string name, string version) => _files.GetValueOrDefault((name, version));

    /// <summary>The active version of a model name: the registry's choice once known and loaded, else the default.</summary>
    public string ActiveVersion(string name) =>
        _active.Versions.TryGetValue(name, out var version) && _files.ContainsKey((name, version)) ? version
        : DefaultVersion(name) ?? throw new InvalidOperationException($"No default model '{name}' is embedded (models/{name}/default-v0.json).");

    /// <summary>The newest embedded default of a name ("default-vN" with the highest N), or null when the build carries none.</summary>
    public string? DefaultVersion(string name) => _defaults.GetOrAdd(name, static (n, self) => self.NewestDefault(n), this); // embedded files never change

    private string? NewestDefault(string name) =>
        _embedded.Where(e => e.Name == name && e.Version.StartsWith(DefaultPrefix, StringComparison.Ordinal))
            .Select(e => e.Version)
            .OrderByDescending(v => int.TryParse(v.AsSpan(DefaultPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
            .FirstOrDefault();

    /// <summary>The active version's head, compiled against the schema registered for it.</summary>
    public CompiledHead Active(string name, string head) => Compiled(name, ActiveVersion(name), head);

    /// <summary>
    /// The active version's heads, compiled and grouped to be evaluated together (<see cref="CompiledHeads"/>); built
    /// once per version (a request asks for them every time).
    /// </summary>
    public CompiledHeads ActiveHeads(string name, IReadOnlyList<string> heads)
    {
        var version = ActiveVersion(name);
        if (_compiledSets.TryGetValue((name, version), out var set) && SameHeads(set, heads))
        {
            return set;
        }

        set = new CompiledHeads(heads.Select(h => Compiled(name, version, h)).ToArray());
        _compiledSets[(name, version)] = set;
        return set;
    }

    public CompiledHead Compiled(string name, string version, string head) => _compiled.GetOrAdd((name, version, head), key =>
    {
        var model = Find(key.Name, key.Version) ?? throw new InvalidOperationException($"Model {key.Name}/{key.Version} is not loaded.");
        return CompiledHead.Compile(model, key.Head, SchemaOf(key.Name, key.Head).Features);
    });

    /// <summary>Checks that a model compiles against every schema registered for its name (throws ModelFileException).</summary>
    public void CheckEvaluable(ModelFile model)
    {
        foreach (var schema in _schemas.Where(s => s.Model == model.Name))
        {
            CompiledHead.Compile(model, schema.Head, schema.Features);
        }
    }

    public void Add(ModelFile model)
    {
        CheckEvaluable(model);
        _files.TryAdd((model.Name, model.Version), model);
    }

    /// <summary>Applies the registry's active versions (an older revision is ignored).</summary>
    public void SetActive(ActiveModels active)
    {
        if (active.Revision >= _active.Revision)
        {
            _active = active;
        }
    }

    private static bool SameHeads(CompiledHeads set, IReadOnlyList<string> heads)
    {
        if (set.Count != heads.Count)
        {
            return false;
        }

        for (var i = 0; i < heads.Count; i++)
        {
            if (set.Heads[i].Head.Name != heads[i])
            {
                return false;
            }
        }

        return true;
    }

    private ModelSchema SchemaOf(string name, string head) =>
        _schemas.FirstOrDefault(s => s.Model == name && s.Head == head)
        ?? throw new InvalidOperationException($"No schema is registered for model '{name}' head '{head}' (services.AddModelSchema).");
}

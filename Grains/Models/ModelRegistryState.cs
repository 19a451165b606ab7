using Recsys.Grains.Interfaces.Models;

namespace Recsys.Grains.Models;

/// <summary>The registry's stored state: active versions chosen by an operator, uploaded files, and the revision.</summary>
public sealed class ModelRegistryState
{
    public long Revision { get; set; }

    /// <summary>Model name to active version; names absent here use their embedded default.</summary>
    public Dictionary<string, string> Active { get; set; } = new(StringComparer.Ordinal);

    /// <summary>"name/version" to the file's canonical JSON.</summary>
    public Dictionary<string, string> Uploaded { get; set; } = new(StringComparer.Ordinal);

    /// <summary>"name/version" to the held-out evaluation of a trained version (every version keeps its metrics).</summary>
    public Dictionary<string, ModelEvaluation> Evaluations { get; set; } = new(StringComparer.Ordinal);
}

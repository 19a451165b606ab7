namespace Recsys.Runtime.Storage.Schema;

/// <summary>One numbered schema script, e.g. "001_grain_storage.sql", with its SQL text.</summary>
internal sealed record SchemaScript(string Name, string Sql);

using Ferry.Core.Manifest.Schema;

namespace Ferry.Core.Manifest;

/// <summary>
/// One dependency of a <c>[patch.SOURCE]</c> table from configuration. Its paths are relative to
/// <see cref="BaseDirectory"/> (the directory above the <c>.cargo</c> holding the file).
/// </summary>
public sealed record ConfigPatch(string Source, string Name, TomlDependency Dependency, string BaseDirectory, string Definition);

namespace Ferry.Core.Manifest.Schema;

/// <summary>A package's <c>[lints]</c>: its own settings, or <c>workspace = true</c>.</summary>
public sealed record InheritableLints(bool Workspace, TomlLints Lints);

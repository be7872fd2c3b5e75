namespace Ferry.Core.Manifest.Schema;

/// <summary>An entry of a package's dependency table: written out, or inherited from the workspace.</summary>
public sealed record InheritableDependency(TomlDependency? Value, TomlInheritedDependency? Inherit)
{
    public IReadOnlyList<string> UnusedKeys => Value?.UnusedKeys ?? Inherit!.UnusedKeys;
}

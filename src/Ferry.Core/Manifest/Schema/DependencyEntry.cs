namespace Ferry.Core.Manifest.Schema;

/// <summary>One <c>name = ...</c> line of a dependency table; tables keep entries sorted by name, as Cargo's maps do.</summary>
public sealed record DependencyEntry(string Name, InheritableDependency Dependency);

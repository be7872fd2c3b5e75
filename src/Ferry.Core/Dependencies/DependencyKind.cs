namespace Ferry.Core.Dependencies;

/// <summary>The table a dependency was declared in; the order is Cargo's.</summary>
public enum DependencyKind
{
    Normal,
    Development,
    Build,
}

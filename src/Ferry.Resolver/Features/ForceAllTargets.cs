namespace Ferry.Resolver.Features;

/// <summary>Whether platform-specific dependencies count for every platform (<c>cargo tree --target all</c>).</summary>
public enum ForceAllTargets
{
    No,
    Yes,
}

using System.Collections.Immutable;

namespace Ferry.Core.Configuration;

/// <summary>
/// A program plus arguments (Cargo's <c>PathAndArgs</c>), written as an array
/// <c>["/path/prog", "arg"]</c> or a space-separated string. Such lists are never merged
/// across config files.
/// </summary>
public sealed record PathAndArgs(ConfigRelativePath Path, ImmutableArray<string> Args)
{
    public bool Equals(PathAndArgs? other) => other is not null && Path == other.Path && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Path, Args.Length);
}

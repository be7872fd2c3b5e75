using System.Collections.Immutable;

namespace Ferry.Core.Configuration;

/// <summary><c>build.target</c>: one target or a list; <c>.json</c> target specs are config-relative paths.</summary>
public sealed record BuildTargetConfig(Value<ImmutableArray<string>> Targets)
{
    public ImmutableArray<string> Values(string cwd)
    {
        var root = Targets.Definition.Root(cwd);
        return Targets.Val.Select(target => target.EndsWith(".json", StringComparison.Ordinal) ? PathUtil.Join(root, target) : target)
            .ToImmutableArray();
    }

    public bool Equals(BuildTargetConfig? other) =>
        other is not null && Targets.Definition == other.Targets.Definition && Targets.Val.SequenceEqual(other.Targets.Val);

    public override int GetHashCode() => Targets.Val.Length;
}

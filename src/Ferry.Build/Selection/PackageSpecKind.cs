using System.Collections.Immutable;

namespace Ferry.Build.Selection;

/// <summary>How the packages were selected, for the wording of "no bin target named" errors.</summary>
public sealed record PackageSpecKind(bool IsExplicit, ImmutableArray<string> Names)
{
    public static PackageSpecKind Default { get; } = new(false, []);

    public string UnmatchedSuffix => !IsExplicit
        ? " in default-run packages"
        : Names.Length switch
        {
            0 => string.Empty,
            1 => $" in `{Names[0]}` package",
            _ => $" in `{Names[0]}`, ... packages",
        };
}

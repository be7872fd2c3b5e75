using System.Collections.Immutable;

namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// The <c>package.build</c> value as written. Cargo 1.95 accepts a boolean, a string, or (behind the
/// unstable <c>multiple-build-scripts</c> feature) an array of strings; anything else is a type
/// error the manifest parser reports. An absent key is a null <see cref="PackageBuild"/>.
/// </summary>
public sealed record PackageBuild
{
    private PackageBuild(PackageBuildKind kind, bool enabled, ImmutableArray<string> scripts)
    {
        Kind = kind;
        Enabled = enabled;
        Scripts = scripts;
    }

    public PackageBuildKind Kind { get; }

    /// <summary>For <see cref="PackageBuildKind.Auto"/>: the boolean written; true for the other kinds.</summary>
    public bool Enabled { get; }

    /// <summary>The script paths as written: one for <see cref="PackageBuildKind.Script"/>, any number for <see cref="PackageBuildKind.Scripts"/>.</summary>
    public ImmutableArray<string> Scripts { get; }

    public static PackageBuild Auto(bool enabled) => new(PackageBuildKind.Auto, enabled, []);

    public static PackageBuild Script(string path) => new(PackageBuildKind.Script, true, [path]);

    public static PackageBuild MultipleScripts(IEnumerable<string> paths) => new(PackageBuildKind.Scripts, true, [.. paths]);
}

using Ferry.Core.Identity;
using Ferry.Core.Manifest;
using Ferry.Core.Manifest.Targets;

namespace Ferry.Build.Units;

/// <summary>
/// A package as the build sees it (Cargo's <c>Package</c>): its lowered manifest, where its sources
/// are, and whether it is a member of the workspace (members get warnings, incremental builds and
/// source tracking; registry packages get <c>--cap-lints allow</c>).
/// </summary>
public sealed class BuildPackage
{
    public BuildPackage(Manifest manifest, bool isMember)
    {
        Manifest = manifest;
        IsMember = isMember;
        Library = manifest.Targets.FirstOrDefault(t => t.IsLib);
        CustomBuild = manifest.Targets.FirstOrDefault(t => t.IsCustomBuild);
    }

    public Manifest Manifest { get; }

    public PackageId Id => Manifest.PackageId;

    public string Name => Manifest.Name;

    public Version Version => Manifest.Version;

    public string Root => Manifest.Root;

    public string ManifestPath => Manifest.ManifestPath;

    public bool IsMember { get; }

    /// <summary>A path package: its sources can change, so they are tracked and warnings are shown.</summary>
    public bool IsLocal => Id.Source.Kind == SourceKind.Path;

    public Target? Library { get; }

    public Target? CustomBuild { get; }

    public bool IsProcMacro => Library?.ProcMacro == true;

    /// <summary>Cargo's display of a package: <c>name v1.2.3</c>, plus <c>(/path)</c> for path packages.</summary>
    public override string ToString() => Id.ToString();
}

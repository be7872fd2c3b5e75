using Ferry.Core.Identity;
using Ferry.Sources.Registry;

namespace Ferry.Sources.Cache;

/// <summary>
/// Where packages live under <c>$CARGO_HOME</c>, in Cargo's layout with Ferry's directory names:
/// <c>registry/cache/DIR/NAME-VERSION.crate</c> (the verified download) and
/// <c>registry/src/DIR/NAME-VERSION/</c> (its extraction, complete when it holds
/// <c>.ferry-ok</c>), next to <c>registry/index/DIR</c>. <c>DIR</c> is <c>HOST-HASH</c> of the
/// registry actually read (after <c>[source]</c> replacement), the hash being Ferry's own (see
/// <see cref="RegistryDirectoryName"/>), so Ferry and Cargo never write into each other's
/// directories. The file lock both use is <c>$CARGO_HOME/.package-cache</c>.
/// </summary>
public sealed class PackageCacheLayout
{
    public PackageCacheLayout(string cargoHome)
    {
        CargoHome = cargoHome;
    }

    public string CargoHome { get; }

    /// <summary>The package cache lock (Cargo's <c>.package-cache</c>).</summary>
    public string LockFile => Path.Combine(CargoHome, ".package-cache");

    public string CacheRoot => Path.Combine(CargoHome, "registry", "cache");

    public string SourceRoot => Path.Combine(CargoHome, "registry", "src");

    public string IndexRoot => Path.Combine(CargoHome, "registry", "index");

    /// <summary>The <c>HOST-HASH</c> directory name of a registry (the source actually read).</summary>
    public static string RegistryDirectory(SourceId actual) => RegistryDirectoryName.For(actual);

    /// <summary><c>NAME-VERSION</c>: the archive's root directory, the extraction's and the file's stem.</summary>
    public static string PackageDirectory(string name, Version version) => $"{name}-{version}";

    public string CrateFile(SourceId actual, string name, Version version) =>
        Path.Combine(CacheRoot, RegistryDirectory(actual), PackageDirectory(name, version) + ".crate");

    public string SourceDirectory(SourceId actual, string name, Version version) =>
        Path.Combine(SourceRoot, RegistryDirectory(actual), PackageDirectory(name, version));
}

using System.Runtime.CompilerServices;

namespace Ferry.Tests.Core.Lockfile;

/// <summary>Finds the shared, read-only lockfile corpora above the repository (works from any worktree).</summary>
internal static class LockfileTestData
{
    private static readonly Lazy<string> Shared = new(() =>
    {
        for (var dir = new DirectoryInfo(RepoPaths.Root); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "conformance")))
            {
                return Path.Combine(dir.FullName, "shared");
            }
        }

        throw new InvalidOperationException("cannot find shared/conformance above " + RepoPaths.Root);
    });

    public static string ConformanceRoot => Path.Combine(Shared.Value, "conformance");

    public static string RegistryProjectsRoot => Path.Combine(Shared.Value, "registry", "projects");

    public static string DenoLockfile => Path.Combine(ConformanceRoot, "lockfiles", "deno", "Cargo.lock");

    /// <summary>Every Cargo.lock of the conformance folder and of the registry example projects, sorted.</summary>
    public static IReadOnlyList<string> AllLockfiles() =>
        Directory.EnumerateFiles(ConformanceRoot, "Cargo.lock", SearchOption.AllDirectories)
            .Concat(Directory.Exists(RegistryProjectsRoot)
                ? Directory.EnumerateFiles(RegistryProjectsRoot, "Cargo.lock", SearchOption.AllDirectories)
                : [])
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string Relative(string path) => Path.GetRelativePath(Shared.Value, path);

    /// <summary>A file of <c>Data/</c> beside this source file (expected outputs recorded from Cargo 1.95).</summary>
    public static string DataFile(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Data", name);
}

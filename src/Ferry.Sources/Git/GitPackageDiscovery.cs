using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources.Git;

/// <summary>
/// Finds the packages of a checked-out repository as Cargo's <c>RecursivePathSource</c> does:
/// every directory with a <c>Cargo.toml</c>, in file-name order, skipping hidden directories,
/// submodules (directories with their own <c>.git</c>) and a package's <c>target</c> directory;
/// virtual manifests are skipped, path dependencies are followed, malformed manifests are
/// ignored unless nothing at all is found. Path dependencies inside the repository become
/// dependencies on the repository itself, as in Cargo.
/// </summary>
internal static class GitPackageDiscovery
{
    /// <summary>The packages (first found wins) and Cargo's warnings for the duplicates skipped.</summary>
    public static (List<(Summary Summary, string Root)> Packages, List<string> Warnings) Read(string root, SourceId source, IPackageManifestReader reader)
    {
        var found = new List<(Summary Summary, string Root)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<FerryException>();
        Walk(root, root, found, visited, errors, source, reader);
        if (found.Count > 0)
        {
            return Deduplicate(found, reader);
        }

        if (errors.Count > 0)
        {
            throw errors[^1];
        }

        if (File.Exists(Path.Combine(root, "cargo.toml")))
        {
            throw new FerryException($"could not find `Cargo.toml` in `{root}`\nhelp: found `cargo.toml`, consider renaming it to `Cargo.toml`");
        }

        throw new FerryException($"could not find `Cargo.toml` in `{root}`");
    }

    private static void Walk(
        string root,
        string directory,
        List<(Summary, string)> found,
        HashSet<string> visited,
        List<FerryException> errors,
        SourceId source,
        IPackageManifestReader reader)
    {
        if (directory != root)
        {
            var name = Path.GetFileName(directory);
            if (name.StartsWith('.') || Path.Exists(Path.Combine(directory, ".git")))
            {
                return;
            }
        }

        if (Path.GetFileName(directory) == "target" && File.Exists(Path.Combine(Path.GetDirectoryName(directory)!, "Cargo.toml")))
        {
            return;
        }

        if (File.Exists(Path.Combine(directory, "Cargo.toml")))
        {
            ReadNested(directory, found, visited, errors, source, reader);
        }

        string[] children;
        try
        {
            children = Directory.GetDirectories(directory);
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }

        Array.Sort(children, StringComparer.Ordinal);
        foreach (var child in children)
        {
            if ((new DirectoryInfo(child).Attributes & FileAttributes.ReparsePoint) == 0)
            {
                Walk(root, child, found, visited, errors, source, reader);
            }
        }
    }

    private static void ReadNested(
        string directory,
        List<(Summary Summary, string Root)> found,
        HashSet<string> visited,
        List<FerryException> errors,
        SourceId source,
        IPackageManifestReader reader)
    {
        if (!visited.Add(directory))
        {
            return;
        }

        var manifestPath = Path.Combine(directory, "Cargo.toml");
        if (!File.Exists(manifestPath))
        {
            errors.Add(new FerryException($"could not find `Cargo.toml` in `{directory}`"));
            return;
        }

        Summary summary;
        try
        {
            summary = reader.ReadSummary(manifestPath, source);
        }
        catch (FerryException error)
        {
            // Virtual manifests and broken manifests in a repository are skipped, as in Cargo.
            if (!IsVirtual(error))
            {
                errors.Add(error);
            }

            return;
        }

        var nested = new List<string>();
        var dependencies = ImmutableArray.CreateBuilder<Dependency>(summary.Dependencies.Length);
        foreach (var dep in summary.Dependencies)
        {
            if (dep.Source.IsPath)
            {
                nested.Add(dep.Source.LocalPath);
                dependencies.Add(dep with { Source = source });
            }
            else
            {
                dependencies.Add(dep);
            }
        }

        found.Add((summary with { Dependencies = dependencies.MoveToImmutable() }, directory));

        foreach (var path in nested)
        {
            ReadNested(Path.GetFullPath(path), found, visited, errors, source, reader);
        }
    }

    /// <summary>Cargo's <c>first_package</c>: the first of each id is used; the publishable others are named in a warning.</summary>
    private static (List<(Summary Summary, string Root)> Packages, List<string> Warnings) Deduplicate(
        List<(Summary Summary, string Root)> found,
        IPackageManifestReader reader)
    {
        var packages = new List<(Summary Summary, string Root)>();
        var warnings = new List<string>();
        foreach (var group in found.GroupBy(p => p.Summary.PackageId))
        {
            var first = group.First();
            packages.Add(first);
            var ignored = group.Skip(1).Select(p => Path.Combine(p.Root, "Cargo.toml")).Where(reader.IsPublishable).ToList();
            if (ignored.Count == 0)
            {
                continue;
            }

            var text = new System.Text.StringBuilder();
            text.Append($"skipping duplicate package{(ignored.Count == 1 ? string.Empty : "s")} `{first.Summary.PackageId}`:\n");
            foreach (var path in ignored)
            {
                text.Append($"  {path}\n");
            }

            text.Append($"in favor of {Path.Combine(first.Root, "Cargo.toml")}\n");
            warnings.Add(text.ToString());
        }

        return (packages, warnings);
    }

    private static bool IsVirtual(FerryException error) =>
        error.Message.Contains("virtual manifest", StringComparison.Ordinal);
}

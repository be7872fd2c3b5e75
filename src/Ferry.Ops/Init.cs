using Ferry.Core.Configuration;
using Ferry.Ops.Scaffold;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry init [path]</c>: makes a package of an existing (or new) directory as <c>cargo init</c>
/// 1.95 does, adopting the sources it finds (<c>src/main.rs</c>, <c>lib.rs</c>, ...) and the
/// repository already there (<c>.git</c>, <c>.hg</c>, <c>.pijul</c>, <c>.fossil</c>), and merging its
/// ignore entries into an existing ignore file.
/// </summary>
public static class Init
{
    /// <summary>Returns the kind of package made (a library when the only sources found are libraries).</summary>
    public static NewProjectKind Run(NewOptions options, GlobalContext gctx, IShell shell)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gctx);
        ArgumentNullException.ThrowIfNull(shell);
        var path = options.Path;
        if (RustPath.Same(path, gctx.Home))
        {
            throw new FerryException("cannot create package in the home directory\n\nhelp: use `ferry init <path>` to create a package in a different directory");
        }

        var name = New.PackageName(path, options);
        var sources = SourceDetection.Detect(path, name);
        var kind = SourceDetection.Kind(options.Kind, options.AutoDetectKind, sources);
        shell.Status("Creating", $"{New.KindText(options.Kind)} package");

        if (CargoPaths.Exists(RustPath.Join(path, "Cargo.toml")))
        {
            throw new FerryException("`ferry init` cannot be run on existing Cargo packages\nhelp: use `ferry new` to create a package in a new subdirectory");
        }

        NameCheck.CheckPath(path, shell);
        var hasBin = kind == NewProjectKind.Bin;
        if (sources.Count == 0)
        {
            sources.Add(SourceFile.Planned(hasBin));
        }
        else if (sources.Count == 1 && sources[0].Bin != hasBin)
        {
            // The one file found is not what was asked for: it becomes that kind anyway, with a warning.
            shell.Warn($"file `{sources[0].RelativePath}` seems to be a {New.KindText(sources[0].Bin ? NewProjectKind.Bin : NewProjectKind.Lib)} file");
            sources[0] = sources[0] with { Bin = hasBin };
        }
        else if (sources.Count > 1 && !hasBin)
        {
            throw new FerryException($"cannot have a package with multiple libraries, found both `{sources[0].RelativePath}` and `{sources[1].RelativePath}`");
        }

        NameCheck.Check(name, options.Name is null, hasBin, shell);

        var versionControl = options.VersionControl ?? DetectVcs(path);
        var make = new MakeOptions(versionControl, path, name, sources, options.Edition, options.Registry);
        try
        {
            PackageMaker.Make(gctx, shell, make);
        }
        catch (FerryException e)
        {
            throw new FerryException($"failed to create package `{name}` at `{path}`", e);
        }

        return kind;
    }

    /// <summary>The repository already in the directory; more than one kind is an error (which ignore file to fill?).</summary>
    private static VersionControl? DetectVcs(string path)
    {
        VersionControl? found = null;
        var count = 0;
        foreach (var (directory, vcs) in new[] { (".git", VersionControl.Git), (".hg", VersionControl.Hg), (".pijul", VersionControl.Pijul), (".fossil", VersionControl.Fossil) })
        {
            if (CargoPaths.Exists(RustPath.Join(path, directory)))
            {
                found = vcs;
                count++;
            }
        }

        if (count > 1)
        {
            throw new FerryException("more than one of .hg, .git, .pijul, .fossil configurations found and the ignore file can't be filled in as a result. specify --vcs to override detection");
        }

        return found;
    }
}

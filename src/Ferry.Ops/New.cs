using Ferry.Core.Configuration;
using Ferry.Ops.Scaffold;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry new &lt;path&gt;</c>: creates a package in a new directory, exactly as <c>cargo new</c>
/// 1.95 does — the same files byte for byte, the same repository set-up, the same changes to an
/// enclosing workspace and the same messages.
/// </summary>
public static class New
{
    public static void Run(NewOptions options, GlobalContext gctx, IShell shell)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gctx);
        ArgumentNullException.ThrowIfNull(shell);
        var path = options.Path;
        var name = PackageName(path, options);
        shell.Status("Creating", $"{KindText(options.Kind)} `{name}` package");

        if (CargoPaths.Exists(path))
        {
            throw new FerryException($"destination `{path}` already exists\n\nUse `ferry init` to initialize the directory");
        }

        NameCheck.CheckPath(path, shell);
        var isBin = options.Kind == NewProjectKind.Bin;
        NameCheck.Check(name, options.Name is null, isBin, shell);

        var make = new MakeOptions(options.VersionControl, path, name, [SourceFile.Planned(isBin)], options.Edition, options.Registry);
        try
        {
            PackageMaker.Make(gctx, shell, make);
        }
        catch (FerryException e)
        {
            throw new FerryException($"failed to create package `{name}` at `{path}`", e);
        }
    }

    /// <summary>The <c>--name</c>, else the directory's name (Cargo's <c>get_name</c>).</summary>
    internal static string PackageName(string path, NewOptions options)
    {
        if (options.Name is { } name)
        {
            return name;
        }

        return RustPath.FileName(path)
            ?? throw new FerryException($"cannot auto-detect package name from path {RustPath.Debug(path)} ; use --name to override");
    }

    internal static string KindText(NewProjectKind kind) => kind == NewProjectKind.Bin ? "binary (application)" : "library";
}

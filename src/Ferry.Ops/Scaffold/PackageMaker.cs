using Ferry.Core.Configuration;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// Cargo's <c>mk</c>, shared by <c>new</c> and <c>init</c>, in Cargo's order (which decides what is
/// left behind when a step fails): repository, ignore file, enclosing workspace (its manifest is
/// rewritten before the package's own), <c>Cargo.toml</c>, template sources (each formatted with
/// rustfmt if it is there), then a look at the workspace the package now belongs to and the
/// pointer to the manifest reference.
/// </summary>
internal static class PackageMaker
{
    /// <summary>The edition written when none is given: Cargo 1.95's latest stable.</summary>
    public const string LatestStableEdition = "2024";

    private const string BinTemplate = "fn main() {\n    println!(\"Hello, world!\");\n}\n";

    private const string LibTemplate = """
        pub fn add(left: u64, right: u64) -> u64 {
            left + right
        }

        #[cfg(test)]
        mod tests {
            use super::*;

            #[test]
            fn it_works() {
                let result = add(2, 2);
                assert_eq!(result, 4);
            }
        }

        """;

    public static void Make(GlobalContext gctx, IShell shell, MakeOptions options)
    {
        var path = options.Path;
        var configured = ParseVcs(gctx.CargoNew.Vcs);

        var ignore = IgnoreList.Default();
        var vcs = options.VersionControl ?? DefaultVcs(path, configured, gctx);

        VcsRepos.Init(path, vcs, gctx);
        WriteIgnoreFiles(path, ignore, vcs);

        var manifestPath = RustPath.Normalize(RustPath.Join(path, "Cargo.toml"));
        var membership = WorkspaceMembership.Apply(path, manifestPath, options.Edition is not null, options.Registry is not null);
        if (membership.AddedName is { } added)
        {
            shell.Status("Adding", $"`{added}` as member of workspace at `{membership.WorkspaceRoot}`");
        }

        var manifest = new NewManifest(
            options.Name,
            options.Edition ?? LatestStableEdition,
            options.Registry,
            options.Sources,
            membership.InheritedKeys,
            membership.InheritLints);
        CargoPaths.Write(manifestPath, manifest.ToString());

        foreach (var source in options.Sources)
        {
            var file = RustPath.Join(path, source.RelativePath);
            if (RustPath.Parent(file) is { } directory)
            {
                CargoPaths.CreateDirAll(directory);
            }

            if (!File.Exists(file))
            {
                CargoPaths.Write(file, source.Bin ? BinTemplate : LibTemplate);
                Format(file, gctx);
            }
        }

        WorkspaceCheck.Run(manifestPath, gctx, shell);

        shell.Note("see more `Cargo.toml` keys and their definitions at https://doc.rust-lang.org/cargo/reference/manifest.html");
    }

    /// <summary>The <c>[cargo-new] vcs</c> value, refused with Cargo's deserialisation error when unknown.</summary>
    private static VersionControl? ParseVcs(string? value) => value switch
    {
        null => null,
        "git" => VersionControl.Git,
        "hg" => VersionControl.Hg,
        "pijul" => VersionControl.Pijul,
        "fossil" => VersionControl.Fossil,
        "none" => VersionControl.NoVcs,
        _ => throw new FerryException($"unknown vcs specification: `{value}`"),
    };

    /// <summary>Inside an existing repository no new one is made; otherwise configuration decides, git by default.</summary>
    private static VersionControl DefaultVcs(string path, VersionControl? configured, GlobalContext gctx)
    {
        if (VcsRepos.InExistingRepo(RustPath.Parent(path) ?? path, gctx))
        {
            return VersionControl.NoVcs;
        }

        return configured ?? VersionControl.Git;
    }

    private static void WriteIgnoreFiles(string path, IgnoreList list, VersionControl vcs)
    {
        string[] files;
        switch (vcs)
        {
            case VersionControl.Git:
                files = [RustPath.Join(path, ".gitignore")];
                break;
            case VersionControl.Hg:
                files = [RustPath.Join(path, ".hgignore")];
                break;
            case VersionControl.Pijul:
                files = [RustPath.Join(path, ".ignore")];
                break;
            case VersionControl.Fossil:
                // Fossil keeps project settings in a directory; cleaning has its own list.
                CargoPaths.CreateDirAll(RustPath.Join(path, ".fossil-settings"));
                files = [RustPath.Join(path, ".fossil-settings/ignore-glob"), RustPath.Join(path, ".fossil-settings/clean-glob")];
                break;
            default:
                return;
        }

        foreach (var file in files)
        {
            var existing = CargoPaths.ReadIfExists(file);
            var text = existing is null ? list.FormatNew(vcs) : list.FormatExisting(existing, vcs);
            CargoPaths.Append(file, existing, text);
        }
    }

    /// <summary>Formats a new source file with rustfmt, as Cargo does; any failure (no rustfmt) is ignored.</summary>
    private static void Format(string file, GlobalContext gctx)
    {
        try
        {
            ExternalProcess.Run("rustfmt", [file], gctx.Cwd, captureOutput: true);
        }
        catch (FerryException)
        {
        }
    }
}

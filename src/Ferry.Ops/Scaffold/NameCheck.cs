using Ferry.Core.Manifest;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// Cargo's <c>check_name</c> for <c>new</c>/<c>init</c>: hard errors for names that cannot work
/// (invalid identifiers, keywords, <c>test</c>, build directory names for binaries), warnings for
/// names that are merely risky (standard library names, Windows device names, non-ASCII, upper
/// case), each with Cargo's hints about <c>--name</c> and <c>[[bin]]</c>.
/// </summary>
internal static class NameCheck
{
    /// <param name="showNameHelp">The name came from the directory, so suggesting <c>--name</c> helps.</param>
    public static void Check(string name, bool showNameHelp, bool hasBin, IShell shell)
    {
        var nameHelp = showNameHelp
            ? "\nnote: the directory name is used as the package name\nhelp: to override the package name, pass `--name <pkgname>`"
            : string.Empty;

        string BinHelp()
        {
            var help = nameHelp;
            // `[[bin]] name` is only suggested for names rustc accepts as crate names.
            if (hasBin && PackageNameRules.IsValidCrateName(name))
            {
                help += $"\nhelp: to name the binary \"{name}\", use a valid package name, and set the binary name to be different from the package. "
                    + $"This can be done by setting the binary filename to `src/bin/{name}.rs` or change the name in Cargo.toml with:\n\n"
                    + $"    [[bin]]\n    name = \"{name}\"\n    path = \"src/main.rs\"\n";
            }

            return help;
        }

        if (NameValidation.PackageNameError(name) is { } invalid)
        {
            throw new FerryException(invalid + BinHelp());
        }

        if (PackageNameRules.IsKeyword(name))
        {
            throw new FerryException($"invalid package name `{name}`: it is a Rust keyword{BinHelp()}");
        }

        if (PackageNameRules.IsConflictingArtifactName(name))
        {
            if (hasBin)
            {
                throw new FerryException($"invalid package name `{name}`: it conflicts with cargo's build directory names{nameHelp}");
            }

            shell.Warn($"package `{name}` will not support binary executables with that name, it conflicts with cargo's build directory names");
        }

        if (name == "test")
        {
            throw new FerryException($"invalid package name `test`: it conflicts with Rust's built-in test library{BinHelp()}");
        }

        if (PackageNameRules.IsStandardLibraryName(name))
        {
            shell.Warn($"package name `{name}` may be confused with the package with that name in Rust's standard library\nIt is recommended to use a different name to avoid problems.{BinHelp()}");
        }

        if (PackageNameRules.IsWindowsReserved(name))
        {
            shell.Warn($"package name `{name}` is a reserved Windows filename\nThis package will not work on Windows platforms.");
        }

        if (PackageNameRules.IsNonAscii(name))
        {
            shell.Warn($"invalid package name `{name}`: contains non-ASCII characters\nNon-ASCII crate names are not supported by Rust.");
        }

        var lower = name.ToLowerInvariant();
        if (name != lower)
        {
            shell.Warn($"package name `{name}` is not snake_case or kebab-case which is recommended for package names, consider `{lower}`");
        }
    }

    /// <summary>Cargo's <c>check_path</c>: a path that cannot go into <c>PATH</c> (it contains <c>:</c>) is only warned about.</summary>
    public static void CheckPath(string path, IShell shell)
    {
        if (path.Contains(':', StringComparison.Ordinal))
        {
            shell.Warn($"the path `{path}` contains invalid PATH characters (usually `:`, `;`, or `\"`)\nIt is recommended to use a different name to avoid problems.");
        }
    }
}

using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Manifest.Targets;
using Ferry.Util.Diagnostics;

namespace Ferry.Build.BuildScripts;

/// <summary>
/// Parses a build script's stdout (Cargo's <c>BuildOutput::parse</c>): <c>cargo::KEY=VALUE</c> (Rust
/// 1.77+, checked against the package's <c>rust-version</c>) and the older <c>cargo:KEY=VALUE</c>,
/// where an unknown key is metadata. Errors and warnings use Cargo's words.
/// </summary>
public static class BuildOutputParser
{
    private const string DocsLink = "See https://doc.rust-lang.org/cargo/reference/build-scripts.html#outputs-of-the-build-script for more information about build script outputs.";

    private static readonly string[] ReservedPrefixes =
    [
        "rustc-flags=", "rustc-link-lib=", "rustc-link-search=", "rustc-link-arg-cdylib=", "rustc-cdylib-link-arg=",
        "rustc-link-arg-bins=", "rustc-link-arg-bin=", "rustc-link-arg-tests=", "rustc-link-arg-benches=",
        "rustc-link-arg-examples=", "rustc-link-arg=", "rustc-cfg=", "rustc-check-cfg=", "rustc-env=", "warning=",
        "rerun-if-changed=", "rerun-if-env-changed=",
    ];

    /// <param name="input">The script's stdout.</param>
    /// <param name="libraryName">The package's library crate name (for <c>RUSTC_BOOTSTRAP</c> rules).</param>
    /// <param name="packageDescription">Cargo's display of the package (<c>foo v0.1.0 (/path)</c>).</param>
    /// <param name="outDirWhenGenerated">The <c>OUT_DIR</c> the output was produced with (replaced by the current one).</param>
    public static BuildOutput Parse(
        string input,
        string? libraryName,
        string packageDescription,
        string outDirWhenGenerated,
        string outDir,
        IReadOnlyList<Target> targets,
        RustVersion? msrv,
        string? rustcBootstrap)
    {
        var libraryPaths = ImmutableArray.CreateBuilder<(string, bool)>();
        var libraryLinks = ImmutableArray.CreateBuilder<string>();
        var linkerArgs = ImmutableArray.CreateBuilder<LinkArg>();
        var cfgs = ImmutableArray.CreateBuilder<string>();
        var checkCfgs = ImmutableArray.CreateBuilder<string>();
        var env = ImmutableArray.CreateBuilder<(string, string)>();
        var metadata = ImmutableArray.CreateBuilder<(string, string)>();
        var rerunIfChanged = ImmutableArray.CreateBuilder<string>();
        var rerunIfEnvChanged = ImmutableArray.CreateBuilder<string>();
        var logMessages = ImmutableArray.CreateBuilder<(bool, string)>();
        var whence = $"build script of `{packageDescription}`";

        foreach (var raw in input.Split('\n'))
        {
            var line = raw.Trim();
            string key;
            string value;
            bool oldSyntax;
            if (line.StartsWith("cargo::", StringComparison.Ordinal))
            {
                var data = line["cargo::".Length..];
                CheckMsrv(packageDescription, msrv, data);
                oldSyntax = false;
                (key, value) = ParseDirective(whence, line, data, oldSyntax);
            }
            else if (line.StartsWith("cargo:", StringComparison.Ordinal))
            {
                var data = line["cargo:".Length..];
                oldSyntax = true;
                if (ReservedPrefixes.Any(p => data.StartsWith(p, StringComparison.Ordinal)))
                {
                    (key, value) = ParseDirective(whence, line, data, oldSyntax);
                }
                else
                {
                    (key, value) = ("metadata", data);
                }
            }
            else
            {
                continue;
            }

            value = value.Replace(outDirWhenGenerated, outDir, StringComparison.Ordinal);
            var syntaxPrefix = oldSyntax ? "cargo:" : "cargo::";

            void CheckAndAdd(string kindDescription, Func<Target, bool> isKind, LinkArgKind linkKind)
            {
                if (!targets.Any(isKind))
                {
                    throw new FerryException($"invalid instruction `{syntaxPrefix}{key}` from {whence}\nThe package {packageDescription} does not have a {kindDescription} target.");
                }

                linkerArgs.Add(new LinkArg(linkKind, value));
            }

            switch (key)
            {
                case "rustc-flags":
                    var (paths, links) = ParseRustcFlags(value, whence);
                    libraryLinks.AddRange(links);
                    libraryPaths.AddRange(paths.Select(p => (p, InOutDir(p, outDir))));
                    break;
                case "rustc-link-lib":
                    libraryLinks.Add(value);
                    break;
                case "rustc-link-search":
                    libraryPaths.Add((value, InOutDir(value, outDir)));
                    break;
                case "rustc-link-arg-cdylib" or "rustc-cdylib-link-arg":
                    if (!targets.Any(t => t.IsLib && t.CrateTypes.Contains("cdylib")))
                    {
                        logMessages.Add((false, $"{syntaxPrefix}{key} was specified in the build script of {packageDescription}, but that package does not contain a cdylib target\n\nAllowing this was an unintended change in the 1.50 release, and may become an error in the future. For more information, see <https://github.com/rust-lang/cargo/issues/9562>."));
                    }

                    linkerArgs.Add(new LinkArg(LinkArgKind.Cdylib, value));
                    break;
                case "rustc-link-arg-bins":
                    CheckAndAdd("bin", t => t.IsBin, LinkArgKind.Bin);
                    break;
                case "rustc-link-arg-bin":
                    var eq = value.IndexOf('=');
                    if (eq < 0)
                    {
                        throw new FerryException($"invalid instruction `{syntaxPrefix}{key}={value}` from {whence}\nThe instruction should have the form {syntaxPrefix}{key}=BIN=ARG");
                    }

                    var binName = value[..eq];
                    if (!targets.Any(t => t.IsBin && t.Name == binName))
                    {
                        throw new FerryException($"invalid instruction `{syntaxPrefix}{key}` from {whence}\nThe package {packageDescription} does not have a bin target with the name `{binName}`.");
                    }

                    linkerArgs.Add(new LinkArg(LinkArgKind.SingleBin, value[(eq + 1)..], binName));
                    break;
                case "rustc-link-arg-tests":
                    CheckAndAdd("test", t => t.IsTest, LinkArgKind.Test);
                    break;
                case "rustc-link-arg-benches":
                    CheckAndAdd("benchmark", t => t.IsBench, LinkArgKind.Bench);
                    break;
                case "rustc-link-arg-examples":
                    CheckAndAdd("example", t => t.IsExample, LinkArgKind.Example);
                    break;
                case "rustc-link-arg":
                    linkerArgs.Add(new LinkArg(LinkArgKind.All, value));
                    break;
                case "rustc-cfg":
                    cfgs.Add(value);
                    break;
                case "rustc-check-cfg":
                    checkCfgs.Add(value);
                    break;
                case "rustc-env":
                    var equals = value.IndexOf('=');
                    if (equals < 0)
                    {
                        throw new FerryException($"Variable rustc-env has no value in {whence}: {value}");
                    }

                    var (name, val) = (value[..equals], value[(equals + 1)..]);
                    if (name == "RUSTC_BOOTSTRAP")
                    {
                        if (libraryName is not null && rustcBootstrap is not null && rustcBootstrap.Split(',').Contains(libraryName))
                        {
                            logMessages.Add((false, $"cannot set `RUSTC_BOOTSTRAP={val}` from {whence}.\nnote: crates cannot set `RUSTC_BOOTSTRAP` themselves, as doing so would subvert the stability guarantees of Rust for your project."));
                        }
                        else
                        {
                            throw new FerryException(
                                $"cannot set `RUSTC_BOOTSTRAP={val}` from {whence}.\n" +
                                "note: crates cannot set `RUSTC_BOOTSTRAP` themselves, as doing so would subvert the stability guarantees of Rust for your project.\n" +
                                $"help: If you're sure you want to do this in your project, set the environment variable `RUSTC_BOOTSTRAP={libraryName ?? "1"}` before running cargo instead.");
                        }
                    }
                    else
                    {
                        env.Add((name, val));
                    }

                    break;
                case "error":
                    logMessages.Add((true, value));
                    break;
                case "warning":
                    logMessages.Add((false, value));
                    break;
                case "rerun-if-changed":
                    rerunIfChanged.Add(value);
                    break;
                case "rerun-if-env-changed":
                    rerunIfEnvChanged.Add(value);
                    break;
                case "metadata":
                    var metaEq = value.IndexOf('=');
                    if (metaEq < 0)
                    {
                        throw new FerryException(
                            $"invalid output in {whence}: `{line}`\nExpected a line with `{(oldSyntax ? "cargo:" : "cargo::metadata=")}KEY=VALUE` with an `=` character, but none was found.\n{DocsLink}");
                    }

                    metadata.Add((value[..metaEq], value[(metaEq + 1)..].TrimEnd()));
                    break;
                default:
                    throw new FerryException($"invalid output in {whence}: `{line}`\nUnknown key: `{key}`.\n{DocsLink}");
            }
        }

        return new BuildOutput
        {
            LibraryPaths = libraryPaths.ToImmutable(),
            LibraryLinks = libraryLinks.ToImmutable(),
            LinkerArgs = linkerArgs.ToImmutable(),
            Cfgs = cfgs.ToImmutable(),
            CheckCfgs = checkCfgs.ToImmutable(),
            Env = env.ToImmutable(),
            Metadata = metadata.ToImmutable(),
            RerunIfChanged = rerunIfChanged.ToImmutable(),
            RerunIfEnvChanged = rerunIfEnvChanged.ToImmutable(),
            LogMessages = logMessages.ToImmutable(),
        };
    }

    private static void CheckMsrv(string packageDescription, RustVersion? msrv, string flag)
    {
        if (msrv is null || (msrv.Major, msrv.Minor ?? 0, msrv.Patch ?? 0).CompareTo((1UL, 77UL, 0UL)) >= 0)
        {
            return;
        }

        string suggestion;
        if (ReservedPrefixes.Any(p => flag.StartsWith(p, StringComparison.Ordinal)))
        {
            suggestion = $"Switch to the old `cargo:{flag}` syntax (note the single colon).\n";
        }
        else if (flag.StartsWith("metadata=", StringComparison.Ordinal))
        {
            suggestion = $"Switch to the old `cargo:{flag["metadata=".Length..]}` syntax instead of `cargo::{flag}` (note the single colon).\n";
        }
        else
        {
            suggestion = string.Empty;
        }

        throw new FerryException(
            $"the `cargo::` syntax for build script output instructions was added in Rust 1.77.0, but the minimum supported Rust version of `{packageDescription}` is {msrv}.\n{suggestion}{DocsLink}");
    }

    private static (string Key, string Value) ParseDirective(string whence, string line, string data, bool oldSyntax)
    {
        var eq = data.IndexOf('=');
        if (eq < 0)
        {
            throw new FerryException(
                $"invalid output in {whence}: `{line}`\nExpected a line with `{(oldSyntax ? "cargo:" : "cargo::")}KEY=VALUE` with an `=` character, but none was found.\n{DocsLink}");
        }

        return (data[..eq], data[(eq + 1)..].TrimEnd());
    }

    /// <summary>Only <c>-l</c> and <c>-L</c>, attached or separate.</summary>
    public static (List<string> Paths, List<string> Links) ParseRustcFlags(string value, string whence)
    {
        var words = value.Trim().Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var paths = new List<string>();
        var links = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            var flag = words[i];
            if (!flag.StartsWith("-l", StringComparison.Ordinal) && !flag.StartsWith("-L", StringComparison.Ordinal))
            {
                throw new FerryException($"only `-l` and `-L` flags are allowed in {whence}: `{value.Trim()}`");
            }

            var argument = flag[2..];
            if (argument.Length == 0)
            {
                argument = ++i < words.Length ? words[i] : throw new FerryException($"flag in rustc-flags has no value in {whence}: {argument}");
            }

            (flag[1] == 'l' ? links : paths).Add(argument);
        }

        return (paths, links);
    }

    /// <summary>A search path inside the script's <c>OUT_DIR</c> (after any <c>kind=</c> prefix) sorts first and is added to the library path at run time.</summary>
    public static bool InOutDir(string path, string outDir)
    {
        var eq = path.IndexOf('=');
        var bare = eq >= 0 && path[..eq] is "native" or "crate" or "dependency" or "framework" or "all" ? path[(eq + 1)..] : path;
        return bare.StartsWith(outDir, StringComparison.Ordinal);
    }
}

using System.Collections.Immutable;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>
/// A <c>[target.TRIPLE.LIB]</c> table: the build-script output to use instead of running the
/// build script of packages with <c>links = "LIB"</c> (Cargo's build-script overrides).
/// </summary>
public sealed record LinksOverride
{
    public ImmutableArray<string> LibraryPaths { get; init; } = [];

    public ImmutableArray<string> LibraryLinks { get; init; } = [];

    public ImmutableArray<(LinkArgTarget Target, string Arg)> LinkerArgs { get; init; } = [];

    public ImmutableArray<string> Cfgs { get; init; } = [];

    public ImmutableArray<string> CheckCfgs { get; init; } = [];

    public ImmutableArray<(string Name, string Value)> Env { get; init; } = [];

    /// <summary>Other keys: metadata passed to dependents as <c>DEP_LIB_KEY</c>.</summary>
    public ImmutableArray<(string Key, string Value)> Metadata { get; init; } = [];

    /// <summary>Keys sharing the <c>[target.TRIPLE]</c> namespace that are not link overrides.</summary>
    internal static readonly string[] ReservedKeys = ["ar", "linker", "runner", "rustflags", "rustdocflags"];

    internal static ImmutableSortedDictionary<string, LinksOverride> ReadAll(ConfigKey targetKey, ConfigTable target)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, LinksOverride>(StringComparer.Ordinal);
        foreach (var (library, value) in target.Entries)
        {
            if (ReservedKeys.Contains(library))
            {
                continue;
            }

            var table = AsTable(value, $"{targetKey}.{library}");
            var paths = ImmutableArray.CreateBuilder<string>();
            var links = ImmutableArray.CreateBuilder<string>();
            var linkerArgs = ImmutableArray.CreateBuilder<(LinkArgTarget, string)>();
            var cfgs = ImmutableArray.CreateBuilder<string>();
            var checkCfgs = ImmutableArray.CreateBuilder<string>();
            var env = ImmutableArray.CreateBuilder<(string, string)>();
            var metadata = ImmutableArray.CreateBuilder<(string, string)>();
            foreach (var (key, item) in table.Entries)
            {
                switch (key)
                {
                    case "rustc-flags":
                    {
                        var flags = AsString(item, key);
                        ParseRustcFlags(flags, $"target config `{targetKey}.{key}` (in {item.Definition})", paths, links);
                        break;
                    }

                    case "rustc-link-lib":
                        links.AddRange(AsStringList(item, key));
                        break;
                    case "rustc-link-search":
                        paths.AddRange(AsStringList(item, key));
                        break;
                    case "rustc-link-arg-cdylib" or "rustc-cdylib-link-arg":
                        linkerArgs.AddRange(AsStringList(item, key).Select(arg => (LinkArgTarget.Cdylib, arg)));
                        break;
                    case "rustc-link-arg-bins":
                        linkerArgs.AddRange(AsStringList(item, key).Select(arg => (LinkArgTarget.Bin, arg)));
                        break;
                    case "rustc-link-arg":
                        linkerArgs.AddRange(AsStringList(item, key).Select(arg => (LinkArgTarget.All, arg)));
                        break;
                    case "rustc-link-arg-tests":
                        linkerArgs.AddRange(AsStringList(item, key).Select(arg => (LinkArgTarget.Test, arg)));
                        break;
                    case "rustc-link-arg-benches":
                        linkerArgs.AddRange(AsStringList(item, key).Select(arg => (LinkArgTarget.Bench, arg)));
                        break;
                    case "rustc-link-arg-examples":
                        linkerArgs.AddRange(AsStringList(item, key).Select(arg => (LinkArgTarget.Example, arg)));
                        break;
                    case "rustc-cfg":
                        cfgs.AddRange(AsStringList(item, key));
                        break;
                    case "rustc-check-cfg":
                        checkCfgs.AddRange(AsStringList(item, key));
                        break;
                    case "rustc-env":
                        foreach (var (name, envValue) in AsTable(item, key).Entries)
                        {
                            env.Add((name, AsString(envValue, name)));
                        }

                        break;
                    case "warning" or "rerun-if-changed" or "rerun-if-env-changed":
                        throw new FerryException($"`{key}` is not supported in build script overrides");
                    default:
                        metadata.Add((key, AsString(item, key)));
                        break;
                }
            }

            result[library] = new LinksOverride
            {
                LibraryPaths = paths.ToImmutable(),
                LibraryLinks = links.ToImmutable(),
                LinkerArgs = linkerArgs.ToImmutable(),
                Cfgs = cfgs.ToImmutable(),
                CheckCfgs = checkCfgs.ToImmutable(),
                Env = env.ToImmutable(),
                Metadata = metadata.ToImmutable(),
            };
        }

        return result.ToImmutable();
    }

    /// <summary>Cargo's <c>BuildOutput::parse_rustc_flags</c>: only <c>-l</c> and <c>-L</c>, attached or separate.</summary>
    private static void ParseRustcFlags(string value, string whence, ImmutableArray<string>.Builder paths, ImmutableArray<string>.Builder links)
    {
        var words = RustParse.SplitWhitespace(value.Trim());
        for (var i = 0; i < words.Length; i++)
        {
            var flag = words[i];
            string argument;
            if (flag.Length > 2)
            {
                argument = flag[2..];
                flag = flag[..2];
            }
            else
            {
                argument = ++i < words.Length ? words[i] : throw new FerryException($"flag in rustc-flags has no value in {whence}: {value}");
            }

            switch (flag)
            {
                case "-l":
                    links.Add(argument);
                    break;
                case "-L":
                    paths.Add(argument);
                    break;
                default:
                    throw new FerryException($"only `-l` and `-L` flags are allowed in {whence}: `{value}`");
            }
        }
    }

    private static ConfigTable AsTable(ConfigValue value, string key) =>
        value as ConfigTable ?? throw Expected("table", key, value);

    private static string AsString(ConfigValue value, string key) =>
        value is ConfigString s ? s.Value : throw Expected("string", key, value);

    private static IEnumerable<string> AsStringList(ConfigValue value, string key)
    {
        if (value is not ConfigList list)
        {
            throw Expected("list", key, value);
        }

        return list.Items.Select(item => item is ConfigString s ? s.Value : throw Expected("string", key, list)).ToList();
    }

    /// <summary>Cargo's <c>ConfigValue::expected</c> (no "invalid configuration" line).</summary>
    private static FerryException Expected(string wanted, string key, ConfigValue found) =>
        new($"expected a {wanted}, but found a {found.Description} for `{key}` in {found.Definition}");
}

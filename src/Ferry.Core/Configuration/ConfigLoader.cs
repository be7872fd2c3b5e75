using System.Collections.Immutable;
using System.Text;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>
/// Finds, reads and merges configuration the way Cargo's <c>GlobalContext</c> does:
/// <list type="number">
/// <item><c>.cargo/config.toml</c> (or legacy <c>.cargo/config</c>, which wins if both exist)
/// in the working directory and each ancestor, nearest first, then <c>$CARGO_HOME/config.toml</c>
/// unless that directory was already visited;</item>
/// <item>each file's <c>include</c> list is loaded first and the file's own values are merged on
/// top (later includes over earlier ones);</item>
/// <item><c>--config</c> arguments (dotted-key assignments or files), in order, over everything.</item>
/// </list>
/// Environment variables are not merged here: like Cargo, they are consulted per key at read time.
/// </summary>
/// <remarks>
/// Error texts and their <c>Caused by</c> nesting follow Cargo's <c>anyhow</c> contexts exactly.
/// Reads are synchronous: these are a handful of small files read once on start-up, and the
/// callers (lazy configuration views) are synchronous too. Each file is read from disk once per
/// run and discovery warnings are printed once.
/// </remarks>
internal sealed class ConfigLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _cwd;
    private readonly string _cargoHome;
    private readonly Action<string> _warn;
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    public ConfigLoader(string cwd, string cargoHome, Action<string> warn)
    {
        _cwd = cwd;
        _cargoHome = cargoHome;
        _warn = warn;
    }

    /// <summary>Every discovered file merged (Cargo's <c>load_values</c>); the root table is built-in.</summary>
    public ConfigTable LoadFiles()
    {
        ConfigValue merged = ConfigTable.Empty(Definition.BuiltIn);
        try
        {
            foreach (var path in DiscoverFiles())
            {
                var value = LoadFile(path, new HashSet<string>(StringComparer.Ordinal), includes: true, cli: false);
                try
                {
                    merged = ConfigMerge.Merge(merged, value, force: false);
                }
                catch (FerryException error)
                {
                    throw new FerryException($"failed to merge configuration at `{path}`", error);
                }
            }
        }
        catch (FerryException error)
        {
            throw new FerryException("could not load Cargo configuration", error);
        }

        return (ConfigTable)merged;
    }

    /// <summary>
    /// Each file as loaded, without merging, includes before the file that includes them, in
    /// discovery order (for <c>config get --merged=no</c>). Include keys stay in place.
    /// </summary>
    public IReadOnlyList<ConfigTable> LoadUnmerged()
    {
        var result = new List<ConfigTable>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var path in DiscoverFiles())
            {
                var value = LoadFile(path, seen, includes: false, cli: false);
                LoadUnmergedIncludes(value, seen, result);
                result.Add(value);
            }
        }
        catch (FerryException error)
        {
            throw new FerryException("could not load Cargo configuration", error);
        }

        return result;
    }

    /// <summary>The <c>--config</c> arguments as one table (Cargo's <c>cli_args_as_table</c>).</summary>
    public ConfigTable LoadCliArguments(IReadOnlyList<string> arguments)
    {
        ConfigValue loaded = ConfigTable.Empty(Definition.CliArgument);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var asPath = PathUtil.Join(_cwd, argument);
            ConfigTable table;
            if (argument.Length > 0 && (File.Exists(asPath) || Directory.Exists(asPath)))
            {
                try
                {
                    table = LoadFile(asPath, seen, includes: true, cli: true);
                }
                catch (FerryException error)
                {
                    throw new FerryException($"failed to load config from `{asPath}`", error);
                }
            }
            else
            {
                table = CliArgument.Parse(argument);
            }

            try
            {
                table = LoadIncludes(table, new HashSet<string>(StringComparer.Ordinal), cli: true);
            }
            catch (FerryException error)
            {
                throw new FerryException("failed to load --config include", error);
            }

            try
            {
                loaded = ConfigMerge.Merge(loaded, table, force: true);
            }
            catch (FerryException error)
            {
                throw new FerryException($"failed to merge --config argument `{argument}`", error);
            }
        }

        return (ConfigTable)loaded;
    }

    /// <summary>The config files to read, nearest first (Cargo's <c>walk_tree</c>).</summary>
    public IReadOnlyList<string> DiscoverFiles()
    {
        var files = new List<string>();
        var seenDirectories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in PathUtil.Ancestors(_cwd))
        {
            var configRoot = Path.Join(directory, ".cargo");
            if (FindFile(configRoot, "config") is { } path)
            {
                files.Add(path);
            }

            seenDirectories.Add(PathUtil.Canonical(configRoot));
        }

        if (!seenDirectories.Contains(PathUtil.Canonical(_cargoHome)) && !seenDirectories.Contains(_cargoHome)
            && FindFile(_cargoHome, "config") is { } home)
        {
            files.Add(home);
        }

        return files;
    }

    /// <summary>
    /// <c>config</c> or <c>config.toml</c> in <paramref name="directory"/>. The legacy name wins
    /// when both exist, with Cargo's warnings (none when one is a symlink to the other).
    /// </summary>
    public string? FindFile(string directory, string name)
    {
        var legacy = Path.Join(directory, name);
        var modern = legacy + ".toml";
        if (File.Exists(legacy) || Directory.Exists(legacy))
        {
            if (_warned.Add(legacy))
            {
                if (File.Exists(modern) || Directory.Exists(modern))
                {
                    if (PathUtil.Canonical(legacy) != PathUtil.Canonical(modern))
                    {
                        _warn($"both `{legacy}` and `{modern}` exist. Using `{legacy}`");
                    }
                }
                else
                {
                    _warn($"`{legacy}` is deprecated in favor of `{name}.toml`\n  |\n  = help: if you need to support cargo 1.38 or earlier, you can symlink `{name}` to `{name}.toml`");
                }
            }

            return legacy;
        }

        // Like Rust's exists(): a directory counts too (reading it then fails with Cargo's error).
        return File.Exists(modern) || Directory.Exists(modern) ? modern : null;
    }

    /// <summary>Cargo's <c>_load_file</c>: read, parse, convert, then (optionally) merge the includes.</summary>
    public ConfigTable LoadFile(string path, HashSet<string> seen, bool includes, bool cli)
    {
        if (!seen.Add(path))
        {
            throw new FerryException($"config `include` cycle detected with path `{path}`");
        }

        var text = ReadText(path);
        var definition = cli ? Definition.CliFile(path) : Definition.File(path);
        var value = ConfigDocument.Parse(text, path, definition);
        return includes ? LoadIncludes(value, seen, cli) : value;
    }

    private string ReadText(string path)
    {
        if (_texts.TryGetValue(path, out var cached))
        {
            return cached;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(File.ReadAllBytes(path));
        }
        catch (Exception error) when (IoErrors.IsIoError(error))
        {
            throw new FerryException($"failed to read configuration file `{path}`", IoErrors.Describe(error, path));
        }

        _texts[path] = text;
        return text;
    }

    /// <summary>Cargo's <c>load_includes</c>: includes merged left to right, then the file itself on top.</summary>
    private ConfigTable LoadIncludes(ConfigTable value, HashSet<string> seen, bool cli)
    {
        var includes = IncludePaths(value);
        if (includes is null)
        {
            return value;
        }

        ConfigValue root = ConfigTable.Empty(value.Definition);
        foreach (var include in includes)
        {
            if (include.Resolve(_cwd) is not { } path)
            {
                continue;
            }

            try
            {
                var loaded = LoadFile(path, seen, includes: true, cli);
                root = ConfigMerge.Merge(root, loaded, force: true);
            }
            catch (FerryException error)
            {
                throw new FerryException($"failed to load config include `{include.Path}` from `{include.Definition}`", error);
            }
        }

        var withoutInclude = value with { Entries = value.Entries.Remove("include") };
        return (ConfigTable)ConfigMerge.Merge(root, withoutInclude, force: true);
    }

    private void LoadUnmergedIncludes(ConfigTable value, HashSet<string> seen, List<ConfigTable> output)
    {
        foreach (var include in IncludePaths(value) ?? [])
        {
            if (include.Resolve(_cwd) is not { } path)
            {
                continue;
            }

            ConfigTable loaded;
            try
            {
                loaded = LoadFile(path, seen, includes: false, cli: false);
            }
            catch (FerryException error)
            {
                throw new FerryException($"failed to load config include `{include.Path}` from `{include.Definition}`", error);
            }

            LoadUnmergedIncludes(loaded, seen, output);
            output.Add(loaded);
        }
    }

    /// <summary>
    /// Cargo's <c>include_paths</c>: the <c>include</c> key as an array of strings or of
    /// <c>{ path, optional }</c> tables (a bare string is rejected, as in Cargo 1.95), each
    /// ending in <c>.toml</c> with no glob or template characters. Null when there is no key.
    /// </summary>
    private static List<ConfigInclude>? IncludePaths(ConfigTable table)
    {
        if (table.Get("include") is not { } include)
        {
            return null;
        }

        if (include is not ConfigList list)
        {
            // Cargo's message really lacks the closing backtick.
            throw new FerryException($"expected a list of strings or a list of tables, but found {include.Description} at `include` in `{include.Definition}");
        }

        var result = new List<ConfigInclude>(list.Items.Length);
        for (var index = 0; index < list.Items.Length; index++)
        {
            switch (list.Items[index])
            {
                case ConfigString s:
                    result.Add(new ConfigInclude(s.Value, s.Definition, Optional: false));
                    break;
                case ConfigTable entry:
                {
                    var path = entry.Get("path") switch
                    {
                        ConfigString p => p.Value,
                        null => throw new FerryException($"missing field `path` at `include[{index}]` in `{entry.Definition}`"),
                        var other => throw new FerryException($"expected a string, but found {other.Description} at `include[{index}].path` in `{entry.Definition}`"),
                    };
                    var optional = entry.Get("optional") switch
                    {
                        ConfigBoolean b => b.Value,
                        null => false,
                        var other => throw new FerryException($"expected a boolean, but found {other.Description} at `include[{index}].optional` in `{entry.Definition}`"),
                    };
                    result.Add(new ConfigInclude(path, entry.Definition, optional));
                    break;
                }

                case var other:
                    throw new FerryException($"expected a string or table, but found {other.Description} at `include[{index}]` in {other.Definition}");
            }
        }

        foreach (var include_ in result)
        {
            if (PathUtil.Extension(include_.Path) != "toml")
            {
                throw new FerryException($"expected a config include path ending with `.toml`, but found `{include_.Path}` from `{include_.Definition}`");
            }

            if (include_.Path.AsSpan().IndexOfAny("*?[]") >= 0)
            {
                throw new FerryException($"expected a config include path without glob patterns, but found `{include_.Path}` from `{include_.Definition}`");
            }

            if (include_.Path.AsSpan().IndexOfAny("{}") >= 0)
            {
                throw new FerryException($"expected a config include path without template braces, but found `{include_.Path}` from `{include_.Definition}`");
            }
        }

        return result;
    }
}

using System.Collections.Concurrent;
using System.Collections.Immutable;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>
/// Everything a command knows about its surroundings, fixed for one run (Cargo's
/// <c>GlobalContext</c>): the working directory, Cargo home, the environment snapshot, the
/// command-line overrides, and the merged configuration with typed views of each area.
/// </summary>
/// <remarks>
/// <para>
/// Nothing is read until it is needed: the files are discovered and merged on the first lookup
/// (so <c>ferry version</c> works with a broken config file, as <c>cargo version</c> does), and
/// each typed area (<see cref="Build"/>, <see cref="Net"/>, ...) is read and validated on first
/// use and then cached. The snapshot never changes afterwards, so it can be shared freely.
/// </para>
/// <para>
/// Environment variables are not merged into the tables: as in Cargo every lookup of a key
/// asks <see cref="EnvironmentSnapshot"/> for its variable (<c>build.jobs</c> →
/// <c>CARGO_BUILD_JOBS</c>) and lets the higher-priority definition win; lists take the
/// variable's whitespace-separated items after the file items.
/// </para>
/// </remarks>
public sealed class GlobalContext
{
    private readonly ConfigLoader _loader;
    private readonly object _loaderLock = new();
    private readonly Lazy<ConfigTable> _fileValues;
    private readonly Lazy<ConfigTable> _cliValues;
    private readonly Lazy<ConfigTable> _values;
    private readonly Lazy<Dictionary<string, string>> _normalizedEnvironment;
    private readonly Lazy<BuildConfig> _build;
    private readonly Lazy<TermConfig> _term;
    private readonly Lazy<NetConfig> _net;
    private readonly Lazy<HttpConfig> _http;
    private readonly Lazy<GlobalRegistryConfig> _registry;
    private readonly Lazy<ImmutableSortedDictionary<string, SourceConfig>> _sources;
    private readonly Lazy<ImmutableSortedDictionary<string, EnvConfigValue>> _env;
    private readonly Lazy<ImmutableArray<TargetCfgConfig>> _targetCfgs;
    private readonly Lazy<CargoNewConfig> _cargoNew;
    private readonly Lazy<InstallConfig> _install;
    private readonly Lazy<FutureIncompatConfig> _futureIncompat;
    private readonly Lazy<CacheConfig> _cache;
    private readonly Lazy<ResolverConfig> _resolver;
    private readonly Lazy<SecurityConfig> _security;
    private readonly ConcurrentDictionary<string, Lazy<RegistryConfig>> _registries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<TargetConfig>> _targets = new(StringComparer.Ordinal);

    private GlobalContext(string cwd, string home, string cargoHome, EnvironmentSnapshot environment, CliOverrides cli, IShell shell, GlobalContext? sameFiles)
    {
        Cwd = cwd;
        Home = home;
        CargoHome = cargoHome;
        Environment = environment;
        Cli = cli;
        Shell = shell;
        if (sameFiles is not null)
        {
            // The file layer does not depend on the command line: share it (and its loader's
            // file cache) so every file is read once per run.
            _loader = sameFiles._loader;
            _loaderLock = sameFiles._loaderLock;
            _fileValues = sameFiles._fileValues;
        }
        else
        {
            _loader = new ConfigLoader(cwd, cargoHome, shell.Warn);
            _fileValues = new Lazy<ConfigTable>(() => WithLoader(loader => loader.LoadFiles()));
        }

        _cliValues = new Lazy<ConfigTable>(() => cli.ConfigArgs.IsEmpty
            ? ConfigTable.Empty(Definition.CliArgument)
            : WithLoader(loader => loader.LoadCliArguments(cli.ConfigArgs)));
        _values = new Lazy<ConfigTable>(MergeValues);
        _normalizedEnvironment = new Lazy<Dictionary<string, string>>(NormalizeEnvironment);
        Reader = new ConfigReader(this, filesOnly: false);
        FileReader = new ConfigReader(this, filesOnly: true);
        _build = new Lazy<BuildConfig>(() => BuildConfig.Read(Reader));
        _term = new Lazy<TermConfig>(() => TermConfig.Read(Reader));
        _net = new Lazy<NetConfig>(() => NetConfig.Read(Reader));
        _http = new Lazy<HttpConfig>(() => HttpConfig.Read(Reader));
        _registry = new Lazy<GlobalRegistryConfig>(() => GlobalRegistryConfig.Read(Reader));
        _sources = new Lazy<ImmutableSortedDictionary<string, SourceConfig>>(() => SourceConfig.ReadAll(Reader));
        _env = new Lazy<ImmutableSortedDictionary<string, EnvConfigValue>>(() => EnvConfigValue.ReadAll(Reader));
        _targetCfgs = new Lazy<ImmutableArray<TargetCfgConfig>>(() => TargetCfgConfig.ReadAll(Reader));
        _cargoNew = new Lazy<CargoNewConfig>(() => CargoNewConfig.Read(Reader));
        _install = new Lazy<InstallConfig>(() => InstallConfig.Read(Reader));
        _futureIncompat = new Lazy<FutureIncompatConfig>(() => FutureIncompatConfig.Read(Reader));
        _cache = new Lazy<CacheConfig>(() => CacheConfig.Read(Reader));
        _resolver = new Lazy<ResolverConfig>(() => ResolverConfig.Read(Reader));
        _security = new Lazy<SecurityConfig>(() => SecurityConfig.Read(Reader));
    }

    public string Cwd { get; }

    /// <summary>The user's home directory (<c>$HOME</c>).</summary>
    public string Home { get; }

    /// <summary><c>$CARGO_HOME</c> (relative values are taken from the working directory), else <c>$HOME/.cargo</c>.</summary>
    public string CargoHome { get; }

    public EnvironmentSnapshot Environment { get; }

    public CliOverrides Cli { get; }

    /// <summary>Where configuration warnings (unused keys, legacy file names) are reported.</summary>
    public IShell Shell { get; }

    internal ConfigReader Reader { get; }

    /// <summary>Reads the files and variables only (aliases are resolved before <c>--config</c> is applied).</summary>
    internal ConfigReader FileReader { get; }

    /// <summary>The merged configuration: files, then <c>--config</c> on top (environment variables are looked up per key).</summary>
    public ConfigTable Values => _values.Value;

    /// <summary>Only the discovered files (what aliases are resolved against, as in Cargo).</summary>
    public ConfigTable FileValues => _fileValues.Value;

    /// <summary>The <c>--config</c> arguments alone, as one table.</summary>
    public ConfigTable CliValues => _cliValues.Value;

    /// <summary>Whether <c>--frozen</c> or <c>--offline</c> or <c>net.offline</c> forbid network access.</summary>
    public bool Offline => Cli.Frozen || Cli.Offline || NetOfflineOrFalse();

    /// <summary>Whether <c>Cargo.lock</c> must not change (<c>--locked</c> or <c>--frozen</c>).</summary>
    public bool Locked => Cli.Frozen || Cli.Locked;

    public BuildConfig Build => _build.Value;

    public TermConfig Term => _term.Value;

    public NetConfig Net => _net.Value;

    public HttpConfig Http => _http.Value;

    /// <summary>The <c>[registry]</c> table (crates.io and defaults).</summary>
    public GlobalRegistryConfig Registry => _registry.Value;

    /// <summary><c>[source.NAME]</c> tables by name.</summary>
    public ImmutableSortedDictionary<string, SourceConfig> Sources => _sources.Value;

    /// <summary>The <c>[env]</c> table.</summary>
    public ImmutableSortedDictionary<string, EnvConfigValue> Env => _env.Value;

    /// <summary>The <c>[target.'cfg(..)']</c> tables, sorted by their key.</summary>
    public ImmutableArray<TargetCfgConfig> TargetCfgs => _targetCfgs.Value;

    public CargoNewConfig CargoNew => _cargoNew.Value;

    public InstallConfig Install => _install.Value;

    public FutureIncompatConfig FutureIncompatReport => _futureIncompat.Value;

    public CacheConfig Cache => _cache.Value;

    public ResolverConfig Resolver => _resolver.Value;

    /// <summary>Ferry's own <c>[security]</c> table.</summary>
    public SecurityConfig Security => _security.Value;

    /// <summary>The raw <c>[profile]</c> table (profile semantics belong to the manifest layer).</summary>
    public ConfigTable? Profiles => Reader.RawTable(ConfigKey.Parse("profile"));

    /// <summary>
    /// <c>[profile.NAME]</c> from configuration with its <c>CARGO_PROFILE_NAME_*</c> variables, in the
    /// manifest's shape (Cargo's <c>get_config_profile</c>); null when nothing sets it.
    /// </summary>
    public Manifest.Schema.TomlProfile? Profile(string name) => ConfigProfile.Read(Reader, name);

    /// <summary><c>doc.browser</c>: the program <c>cargo doc --open</c> runs (with its arguments), read when asked.</summary>
    public PathAndArgs? DocBrowser => Reader.PathAndArgs(ConfigKey.Parse("doc.browser"), wrapped: false);

    /// <summary>The raw <c>[patch]</c> table.</summary>
    public ConfigTable? Patch => Reader.RawTable(ConfigKey.Parse("patch"));

    /// <summary>The <c>paths</c> overrides (file-only), each with where it was written.</summary>
    public ImmutableArray<Value<string>> Paths
    {
        get
        {
            var key = ConfigKey.Parse("paths");
            switch (Get(key))
            {
                case null:
                    return [];
                case ConfigList list:
                    return list.Items
                        .Select(item => item is ConfigString s
                            ? new Value<string>(s.Value, s.Definition)
                            : throw new FerryException($"invalid configuration for key `{key}`\n{ExpectedText("string", key, item)}"))
                        .ToImmutableArray();
                case var other:
                    throw ConfigException.Invalid("list", key, other);
            }
        }
    }

    /// <summary>A <c>[registries.NAME]</c> table (empty when not configured).</summary>
    public RegistryConfig Registries(string name) =>
        _registries.GetOrAdd(name, n => new Lazy<RegistryConfig>(() => RegistryConfig.Read(Reader, n))).Value;

    /// <summary>The <c>[target.TRIPLE]</c> settings, with <c>CARGO_TARGET_TRIPLE_*</c> variables applied.</summary>
    public TargetConfig Target(string triple) =>
        _targets.GetOrAdd(triple, t => new Lazy<TargetConfig>(() => TargetConfig.Read(Reader, t))).Value;

    /// <summary>
    /// A user-defined alias (Cargo's <c>aliased_command</c>, minus the built-in ones): a string
    /// split on whitespace or an array of strings. Aliases are resolved against the files and
    /// variables, not <c>--config</c>, because Cargo expands them before applying <c>--config</c>.
    /// </summary>
    public ImmutableArray<string>? Alias(string command)
    {
        var key = ConfigKey.Parse("alias").Push(command);
        ImmutableArray<string>? alias;
        try
        {
            alias = FileReader.StringValue(key) is { } value ? [.. RustParse.SplitWhitespace(value.Val)] : null;
        }
        catch (FerryException)
        {
            alias = FileReader.StringArray(key);
        }

        if (alias is { IsEmpty: true })
        {
            throw new FerryException($"subcommand is required, but `{key}` is empty");
        }

        return alias;
    }

    /// <summary>The names of all user aliases (for "did you mean" suggestions); empty if <c>[alias]</c> is unreadable.</summary>
    public ImmutableArray<string> AliasNames()
    {
        try
        {
            return Get(ConfigKey.Parse("alias")) is ConfigTable table ? [.. table.Entries.Keys] : [];
        }
        catch (FerryException)
        {
            return [];
        }
    }

    /// <summary>
    /// The target directory chosen by the user (<c>--target-dir</c>, <c>CARGO_TARGET_DIR</c>, then
    /// <c>build.target-dir</c>), absolute; null when none was chosen.
    /// </summary>
    public string? TargetDir()
    {
        if (Cli.TargetDir is { } fromCli)
        {
            return PathUtil.Join(Cwd, fromCli);
        }

        if (Environment.Get("CARGO_TARGET_DIR") is { } fromEnv)
        {
            return fromEnv.Length == 0
                ? throw new FerryException("the target directory is set to an empty string in the `CARGO_TARGET_DIR` environment variable")
                : PathUtil.Join(Cwd, fromEnv);
        }

        if (Build.TargetDir is { } fromConfig)
        {
            return fromConfig.Raw.Length == 0
                ? throw new FerryException($"the target directory is set to an empty string in {fromConfig.Definition}")
                : fromConfig.ResolvePath(Cwd);
        }

        return null;
    }

    /// <summary>
    /// A tool's path (Cargo's <c>maybe_get_tool</c>/<c>get_tool</c>): the variable named after it
    /// (<c>RUSTC</c>, <c>RUSTDOC</c>, <c>RUSTC_WRAPPER</c>), then the config value, then the bare
    /// name (for tools that must exist) or null (for wrappers).
    /// </summary>
    public string? Tool(string name, ConfigRelativePath? fromConfig, bool required)
    {
        if (Environment.Get(name.ToUpperInvariant()) is { } fromEnv)
        {
            return fromEnv.Contains('/') || fromEnv.Contains('\\') ? PathUtil.Join(Cwd, fromEnv) : fromEnv;
        }

        if (fromConfig is not null)
        {
            return fromConfig.ResolveProgram(Cwd);
        }

        return required ? name : null;
    }

    /// <summary>
    /// Builds the snapshot for one command run. Fails only when no home directory can be found;
    /// configuration files are read later, on first use.
    /// </summary>
    public static GlobalContext Create(EnvironmentSnapshot environment, string cwd, CliOverrides cli, IShell shell)
    {
        var home = environment.Get("HOME") is { Length: > 0 } fromEnv ? fromEnv : null;
        if (home is null)
        {
            var profile = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
            home = profile.Length > 0 ? profile : null;
        }

        string cargoHome;
        if (environment.Get("CARGO_HOME") is { Length: > 0 } configured)
        {
            cargoHome = PathUtil.Join(cwd, configured);
        }
        else if (home is not null)
        {
            cargoHome = Path.Join(home, ".cargo");
        }
        else
        {
            throw new FerryException("Cargo couldn't find your home directory. This probably means that $HOME was not set.");
        }

        return new GlobalContext(cwd, home ?? cargoHome, PathUtil.Normalize(cargoHome), environment, cli, shell, sameFiles: null);
    }

    /// <summary>
    /// The same context with other command-line overrides (the CLI learns the subcommand's
    /// <c>--config</c> flags only after expanding aliases). The files are not read again.
    /// </summary>
    public GlobalContext WithCliOverrides(CliOverrides cli) =>
        new(Cwd, Home, CargoHome, Environment, cli, Shell, sameFiles: this);

    /// <summary>Each config file as loaded (includes before their includer), for <c>config get --merged=no</c>.</summary>
    public IReadOnlyList<ConfigTable> LoadUnmerged() => WithLoader(loader => loader.LoadUnmerged());

    /// <summary>
    /// The value at <paramref name="key"/> in the merged files and <c>--config</c> (Cargo's
    /// <c>get_cv</c>), without environment variables. The root key returns the whole table.
    /// Fails when a value on the way is not a table.
    /// </summary>
    public ConfigValue? Get(ConfigKey key) => Lookup(Values, key);

    /// <summary>The same lookup in the files only (ignores <c>--config</c>).</summary>
    public ConfigValue? GetFromFiles(ConfigKey key) => Lookup(FileValues, key);

    /// <summary>
    /// The value at <paramref name="key"/> with its environment variable applied (Cargo's
    /// <c>get_cv_with_env</c>; see <see cref="ConfigReader.GetWithEnv"/>).
    /// </summary>
    public ConfigValue? GetWithEnv(ConfigKey key) => Reader.GetWithEnv(key);

    /// <summary>
    /// The variable spelled differently from what Cargo expects for <paramref name="key"/>
    /// (lower case, dashes), which Cargo ignores with a warning.
    /// </summary>
    internal string? MisspelledVariable(ConfigKey key) =>
        !Environment.Variables.ContainsKey(key.EnvKey) && _normalizedEnvironment.Value.TryGetValue(key.EnvKey, out var actual) ? actual : null;

    internal void WarnMisspelledVariable(ConfigKey key)
    {
        if (MisspelledVariable(key) is { } actual)
        {
            Shell.Warn($"environment variables are expected to use uppercase letters and underscores, the variable `{actual}` will be ignored and have no effect");
        }
    }

    private static string ExpectedText(string wanted, ConfigKey key, ConfigValue found) =>
        $"expected a {wanted}, but found a {found.Description} for `{key}` in {found.Definition}";

    private static ConfigValue? Lookup(ConfigTable root, ConfigKey key)
    {
        if (key.IsRoot)
        {
            return root;
        }

        ConfigValue value = root;
        for (var i = 0; i < key.Parts.Length; i++)
        {
            if (value is not ConfigTable table)
            {
                throw new FerryException($"expected table for configuration key `{key.Take(i)}`, but found {value.Description} in {value.Definition}");
            }

            if (table.Get(key.Parts[i]) is not { } next)
            {
                return null;
            }

            value = next;
        }

        return value;
    }

    private ConfigTable MergeValues()
    {
        // Cargo parses the --config arguments before it reads the files, so their errors come first.
        var cli = CliValues;
        var files = FileValues;
        return Cli.ConfigArgs.IsEmpty ? files : (ConfigTable)ConfigMerge.Merge(files, cli, force: true);
    }

    private bool NetOfflineOrFalse()
    {
        try
        {
            return Net.Offline ?? false;
        }
        catch (FerryException)
        {
            // Cargo ignores a broken [net] table when deciding whether it is offline.
            return false;
        }
    }

    private T WithLoader<T>(Func<ConfigLoader, T> load)
    {
        lock (_loaderLock)
        {
            return load(_loader);
        }
    }

    private Dictionary<string, string> NormalizeEnvironment()
    {
        var normalized = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Environment.Variables.Keys)
        {
            normalized[name.ToUpperInvariant().Replace('-', '_')] = name;
        }

        return normalized;
    }
}

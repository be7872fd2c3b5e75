using Ferry.Util.Text;
using System.Collections.Immutable;
using System.Globalization;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>
/// Typed reads of single keys with Cargo's exact error texts. Cargo gets these from its serde
/// <c>Deserializer</c> over the config, and the wording (and whether an error is wrapped in
/// <c>could not load config key `k`</c>) depends on the Rust type of the field: a plain
/// <c>bool</c>/<c>u32</c>/<c>String</c>, a <c>Value&lt;T&gt;</c> wrapper (paths, tokens), a
/// <c>StringList</c>, an enum or an untagged enum. Each method here reproduces one of those
/// shapes, so typed views just pick the method matching Cargo's field type.
/// </summary>
internal sealed class ConfigReader
{
    private readonly GlobalContext _gctx;
    private readonly bool _filesOnly;

    /// <param name="filesOnly">Read the files (and variables) but not <c>--config</c>: how Cargo resolves aliases.</param>
    public ConfigReader(GlobalContext gctx, bool filesOnly)
    {
        _gctx = gctx;
        _filesOnly = filesOnly;
    }

    public GlobalContext Context => _gctx;

    /// <summary>The merged value at the key, without the environment (Cargo's <c>get_cv</c>).</summary>
    public ConfigValue? Lookup(ConfigKey key) => _filesOnly ? _gctx.GetFromFiles(key) : _gctx.Get(key);

    /// <summary>
    /// The value at <paramref name="key"/> with its environment variable applied (Cargo's
    /// <c>get_cv_with_env</c>): the variable wins over file values (not over <c>--config</c>),
    /// <c>true</c>/<c>false</c> and integers are typed, and a list gets the variable's
    /// whitespace-separated items appended.
    /// </summary>
    public ConfigValue? GetWithEnv(ConfigKey key)
    {
        var value = Lookup(key);
        if (key.IsRoot || _gctx.Environment.Get(key.EnvKey) is not { } variable)
        {
            return value;
        }

        var definition = Definition.Environment(key.EnvKey);
        var useEnv = value switch
        {
            null => true,
            ConfigList => true,
            _ => definition.IsHigherPriority(value.Definition),
        };
        if (!useEnv)
        {
            return value;
        }

        if (variable == "true")
        {
            return new ConfigBoolean(true, definition);
        }

        if (variable == "false")
        {
            return new ConfigBoolean(false, definition);
        }

        if (RustParse.TryInt64(variable, out var integer, out _))
        {
            return new ConfigInteger(integer, definition);
        }

        if (value is ConfigList list)
        {
            var items = new List<ConfigValue>(list.Items);
            AppendEnvironmentList(key, items);
            return new ConfigList([.. items], list.Definition);
        }

        return new ConfigString(variable, definition);
    }

    // ------------------------------------------------------------------ Cargo's get_value_typed

    /// <summary>An integer from the files or the environment (Cargo's <c>get_integer</c>).</summary>
    public Value<long>? GetInteger(ConfigKey key) => GetTyped(
        key,
        "an integer",
        static value => value is ConfigInteger i ? (true, i.Value) : (false, 0L),
        static text => (RustParse.TryInt64(text, out var parsed, out var error), parsed, error));

    public Value<bool>? GetBool(ConfigKey key) => GetTyped(
        key,
        "true/false",
        static value => value is ConfigBoolean b ? (true, b.Value) : (false, false),
        static text => (RustParse.TryBool(text, out var parsed, out var error), parsed, error));

    public Value<string>? GetString(ConfigKey key) => GetTyped(
        key,
        "a string",
        static value => value is ConfigString s ? (true, s.Value) : (false, string.Empty),
        static text => (true, text, (string?)null));

    /// <summary>A table without environment variables, or a Cargo "invalid configuration" error.</summary>
    public ConfigTable? GetTable(ConfigKey key) => Lookup(key) switch
    {
        null => null,
        ConfigTable table => table,
        var other => throw ConfigException.Invalid("table", key, other),
    };

    /// <summary>The raw table at a key, for areas Ferry exposes unparsed (<c>[profile]</c>, <c>[patch]</c>).</summary>
    public ConfigTable? RawTable(ConfigKey key) => GetTable(key);

    /// <summary>Whether the key is set in a file, on the command line or by its variable.</summary>
    public bool HasKey(ConfigKey key)
    {
        if (_gctx.Environment.Variables.ContainsKey(key.EnvKey))
        {
            return true;
        }

        if (Lookup(key) is not null)
        {
            return true;
        }

        _gctx.WarnMisspelledVariable(key);
        return false;
    }

    /// <summary>Whether the key or anything below it is set (for optional sub-tables such as <c>term.progress</c>).</summary>
    public bool HasKeyOrChildren(ConfigKey key)
    {
        if (HasKey(key))
        {
            return true;
        }

        var prefix = key.EnvKey + "_";
        foreach (var name in _gctx.Environment.Variables.Keys)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Appends the variable's whitespace-separated items to a list (Cargo's <c>get_env_list</c>),
    /// replacing the list instead for program-path keys unless it came from <c>--config</c>.
    /// </summary>
    public void AppendEnvironmentList(ConfigKey key, List<ConfigValue> output)
    {
        if (_gctx.Environment.Get(key.EnvKey) is not { } variable)
        {
            _gctx.WarnMisspelledVariable(key);
            return;
        }

        var definition = Definition.Environment(key.EnvKey);
        if (ConfigMerge.IsNonMergeableList(key))
        {
            if (output.Count > 0 && output[0].Definition.Rank > definition.Rank)
            {
                return;
            }

            output.Clear();
        }

        foreach (var item in RustParse.SplitWhitespace(variable))
        {
            output.Add(new ConfigString(item, definition));
        }

        var sorted = ConfigMerge.SortByPriority([.. output]);
        output.Clear();
        output.AddRange(sorted);
    }

    // ------------------------------------------------------------------ field shapes

    /// <summary>A field declared <c>Option&lt;bool&gt;</c>.</summary>
    public bool? Bool(ConfigKey key) => HasKey(key) ? (GetBool(key) ?? throw Missing(key)).Val : null;

    /// <summary>A field declared <c>Option&lt;String&gt;</c>.</summary>
    public string? String(ConfigKey key) => HasKey(key) ? (GetString(key) ?? throw Missing(key)).Val : null;

    /// <summary>A field declared as an integer type; out-of-range values fail as serde reports them.</summary>
    public long? Integer(ConfigKey key, IntegerKind kind)
    {
        if (!HasKey(key))
        {
            return null;
        }

        var value = GetInteger(key) ?? throw Missing(key);
        var (min, max, name) = kind switch
        {
            IntegerKind.I32 => ((long)int.MinValue, (long)int.MaxValue, "i32"),
            IntegerKind.U32 => (0L, (long)uint.MaxValue, "u32"),
            IntegerKind.U64 => (0L, long.MaxValue, "u64"),
            IntegerKind.Usize => (0L, long.MaxValue, "usize"),
            _ => (long.MinValue, long.MaxValue, "i64"),
        };
        if (value.Val < min || value.Val > max)
        {
            throw ConfigException.KeyContext(key, value.Definition, new FerryException(
                $"invalid value: integer `{value.Val.ToString(CultureInfo.InvariantCulture)}`, expected {name}"));
        }

        return value.Val;
    }

    /// <summary>A field declared <c>OptValue&lt;String&gt;</c> (a string that remembers its definition).</summary>
    public Value<string>? StringValue(ConfigKey key)
    {
        if (!HasKey(key))
        {
            return null;
        }

        var definition = ValueDefinition(key);
        try
        {
            return GetString(key) ?? throw Missing(key);
        }
        catch (FerryException error)
        {
            throw ConfigException.KeyContext(key, definition, error);
        }
    }

    /// <summary>A field declared <c>Option&lt;ConfigRelativePath&gt;</c>.</summary>
    public ConfigRelativePath? RelativePath(ConfigKey key) => StringValue(key) is { } value ? new ConfigRelativePath(value) : null;

    /// <summary>A field declared <c>Option&lt;StringList&gt;</c>: a whitespace-separated string or an array of strings.</summary>
    public ImmutableArray<string>? StringList(ConfigKey key) => HasKey(key) ? ReadStringList(key) : null;

    /// <summary>A field declared <c>OptValue&lt;StringList&gt;</c>; the definition is the key's (for paths in it).</summary>
    public Value<ImmutableArray<string>>? StringListValue(ConfigKey key)
    {
        if (!HasKey(key))
        {
            return null;
        }

        var definition = ValueDefinition(key);
        try
        {
            return new Value<ImmutableArray<string>>(ReadStringList(key), definition);
        }
        catch (FerryException error)
        {
            throw ConfigException.KeyContext(key, definition, error);
        }
    }

    /// <summary>
    /// A program with arguments: <c>Option&lt;PathAndArgs&gt;</c>, or <c>OptValue&lt;PathAndArgs&gt;</c>
    /// when <paramref name="wrapped"/> (then errors are put under the key, as Cargo does).
    /// </summary>
    public PathAndArgs? PathAndArgs(ConfigKey key, bool wrapped)
    {
        if (!HasKey(key))
        {
            return null;
        }

        var outer = ValueDefinition(key);
        try
        {
            // Cargo reads the list as a Value<StringList>, which puts list errors under the key.
            var definition = ValueDefinition(key);
            ImmutableArray<string> strings;
            try
            {
                strings = ReadStringList(key);
            }
            catch (FerryException error)
            {
                throw ConfigException.KeyContext(key, definition, error);
            }

            if (strings.IsEmpty)
            {
                throw new FerryException("invalid length 0, expected at least one element");
            }

            var path = new ConfigRelativePath(new Value<string>(strings[0], definition));
            return new PathAndArgs(path, strings[1..]);
        }
        catch (FerryException error) when (wrapped)
        {
            throw ConfigException.KeyContext(key, outer, error);
        }
    }

    /// <summary>A field declared <c>Option&lt;Vec&lt;String&gt;&gt;</c>: an array (never a string), items checked one by one.</summary>
    public ImmutableArray<string>? StringArray(ConfigKey key)
    {
        if (!HasKey(key))
        {
            return null;
        }

        var items = Sequence(key);
        var result = ImmutableArray.CreateBuilder<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            result.Add(items[i] is ConfigString s ? s.Value : throw ArrayItemError(key, i, items[i], "a string"));
        }

        return result.MoveToImmutable();
    }

    /// <summary>A field declared <c>Option&lt;Vec&lt;Value&lt;String&gt;&gt;&gt;</c>.</summary>
    public ImmutableArray<Value<string>>? StringValueArray(ConfigKey key)
    {
        if (!HasKey(key))
        {
            return null;
        }

        var items = Sequence(key);
        var result = ImmutableArray.CreateBuilder<Value<string>>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            result.Add(items[i] is ConfigString s ? new Value<string>(s.Value, s.Definition) : throw ArrayItemError(key, i, items[i], "a string"));
        }

        return result.MoveToImmutable();
    }

    /// <summary>A field holding one of a fixed set of strings (a Rust enum); other strings are unknown variants.</summary>
    public string? Enum(ConfigKey key, params string[] variants)
    {
        if (!HasKey(key))
        {
            return null;
        }

        var value = GetString(key) ?? throw Missing(key);
        if (Array.IndexOf(variants, value.Val) < 0)
        {
            throw ConfigException.KeyContext(key, value.Definition, new FerryException(
                $"unknown variant `{value.Val}`, expected {SerdeOneOf(variants)}"));
        }

        return value.Val;
    }

    /// <summary>
    /// A value that may be one of several shapes (Cargo's untagged enums such as
    /// <c>build.jobs</c>: integer or string). Returns the merged value with its variable applied;
    /// a shape not in <paramref name="accepted"/> fails with serde's "invalid type" text.
    /// </summary>
    public ConfigValue? Untagged(ConfigKey key, string expecting, params Type[] accepted)
    {
        if (!HasKey(key))
        {
            return null;
        }

        var value = GetWithEnv(key) ?? throw Missing(key);
        if (Array.IndexOf(accepted, value.GetType()) < 0)
        {
            throw ConfigException.KeyContext(key, value.Definition, new FerryException(
                $"invalid type: {Unexpected(value)}, expected {expecting}"));
        }

        return value;
    }

    /// <summary>
    /// Checks a struct-like table: it must be a table, and keys outside <paramref name="fields"/>
    /// get Cargo's <c>unused config key</c> warning. Returns the table (null when absent).
    /// </summary>
    public ConfigTable? Struct(ConfigKey key, IReadOnlyCollection<string> fields)
    {
        var table = GetTable(key);
        if (table is not null)
        {
            foreach (var (name, value) in table.Entries)
            {
                if (!fields.Contains(name))
                {
                    _gctx.Shell.Warn($"unused config key `{key}.{name}` in `{value.Definition}`");
                }
            }
        }

        return table;
    }

    /// <summary>The definition Cargo attaches to a <c>Value&lt;T&gt;</c>: the higher of the file value and the variable.</summary>
    public Definition ValueDefinition(ConfigKey key)
    {
        var environment = Definition.Environment(key.EnvKey);
        var value = Lookup(key);
        if (value is null)
        {
            return environment;
        }

        return _gctx.Environment.Variables.ContainsKey(key.EnvKey) && environment.IsHigherPriority(value.Definition)
            ? environment
            : value.Definition;
    }

    public static FerryException Missing(ConfigKey key) => new ConfigException($"missing config key `{key}`", null);

    /// <summary>serde's rendering of the value it did not expect (<c>integer `1`</c>, <c>string "x"</c>, <c>sequence</c>).</summary>
    public static string Unexpected(ConfigValue value) => value switch
    {
        ConfigBoolean b => $"boolean `{(b.Value ? "true" : "false")}`",
        ConfigInteger i => $"integer `{i.Value.ToString(CultureInfo.InvariantCulture)}`",
        ConfigString s => $"string {RustDebugString(s.Value)}",
        ConfigList => "sequence",
        _ => "map",
    };

    /// <summary>serde's list of expected variants: <c>`a`</c>, <c>`a` or `b`</c>, <c>one of `a`, `b`, `c`</c>.</summary>
    public static string SerdeOneOf(IReadOnlyList<string> variants) => variants.Count switch
    {
        0 => "there are no variants",
        1 => $"`{variants[0]}`",
        2 => $"`{variants[0]}` or `{variants[1]}`",
        _ => "one of " + string.Join(", ", variants.Select(v => $"`{v}`")),
    };

    private static string RustDebugString(string value) => RustDebug.Quote(value);

    private FerryException ArrayItemError(ConfigKey key, int index, ConfigValue item, string expected) =>
        new ConfigException($"failed to parse config at `{key}[{index}]`", item.Definition, new FerryException(
            $"invalid type: {Unexpected(item)}, expected {expected}"));

    /// <summary>Cargo's <c>ConfigSeqAccess</c>: the array's items (not a string) plus the variable's.</summary>
    private List<ConfigValue> Sequence(ConfigKey key)
    {
        var items = new List<ConfigValue>();
        switch (Lookup(key))
        {
            case ConfigList list:
                items.AddRange(list.Items);
                break;
            case null:
                break;
            case var other:
                throw ConfigException.Invalid("list", key, other);
        }

        AppendEnvironmentList(key, items);
        return items;
    }

    private ImmutableArray<string> ReadStringList(ConfigKey key)
    {
        var items = new List<ConfigValue>();
        switch (Lookup(key))
        {
            case ConfigList list:
                items.AddRange(list.Items);
                break;
            case ConfigString s:
                foreach (var part in RustParse.SplitWhitespace(s.Value))
                {
                    items.Add(new ConfigString(part, s.Definition));
                }

                break;
            case null:
                break;
            case var other:
                throw ConfigException.Invalid("string or array of strings", key, other);
        }

        AppendEnvironmentList(key, items);
        var result = ImmutableArray.CreateBuilder<string>(items.Count);
        foreach (var item in items)
        {
            result.Add(item is ConfigString s ? s.Value : throw ConfigException.Expected(key, "string", item));
        }

        return result.MoveToImmutable();
    }

    /// <summary>Cargo's <c>get_value_typed!</c>: the file value and the parsed variable, the higher definition winning.</summary>
    private Value<T>? GetTyped<T>(
        ConfigKey key,
        string expected,
        Func<ConfigValue, (bool Ok, T Value)> fromValue,
        Func<string, (bool Ok, T Value, string? Error)> fromText)
    {
        var value = Lookup(key);
        Value<T>? fromEnvironment = null;
        if (_gctx.Environment.Get(key.EnvKey) is { } text)
        {
            var definition = Definition.Environment(key.EnvKey);
            var (ok, parsed, error) = fromText(text);
            if (!ok)
            {
                throw new ConfigException(error!, definition);
            }

            fromEnvironment = new Value<T>(parsed, definition);
        }
        else
        {
            _gctx.WarnMisspelledVariable(key);
        }

        if (value is null)
        {
            return fromEnvironment;
        }

        var (matches, typed) = fromValue(value);
        if (!matches)
        {
            throw ConfigException.Expected(key, expected, value);
        }

        if (fromEnvironment is not null && !value.Definition.IsHigherPriority(fromEnvironment.Definition))
        {
            return fromEnvironment;
        }

        return new Value<T>(typed, value.Definition);
    }
}

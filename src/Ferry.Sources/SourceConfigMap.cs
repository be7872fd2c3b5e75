using Ferry.Core.Configuration;
using Ferry.Core.Identity;
using Ferry.Core.Urls;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources;

/// <summary>
/// The <c>[source]</c> table turned into a map from a dependency's <see cref="SourceId"/> to the
/// source that serves it (Cargo's <c>SourceConfigMap</c>).
/// </summary>
/// <remarks>
/// <para>
/// Every <c>[source.NAME]</c> defines exactly one location (<c>registry</c>, <c>local-registry</c>,
/// <c>directory</c> or <c>git</c>) and may say <c>replace-with = "OTHER"</c>. A dependency whose
/// source is the location of some NAME follows the <c>replace-with</c> chain; a link that names no
/// <c>[source]</c> table is looked up as a registry name (<c>[registries.OTHER] index</c>, or
/// <c>crates-io</c>). crates.io is predefined twice, as its git index and as its sparse index, and
/// the sparse one wins unless <c>registries.crates-io.protocol = "git"</c>: that is how every
/// crates.io dependency ends up served by <c>index.crates.io</c> while lockfiles keep naming the
/// git index.
/// </para>
/// <para>
/// The table is validated when the map is built (Cargo does it before resolution starts, so a
/// broken <c>[source]</c> entry fails even when no dependency uses it); chains are followed on
/// demand, with Cargo's errors. Unlike Cargo, which loops forever on a cycle that does not pass
/// through the starting name (<c>a → b → a</c> reached from <c>crates-io</c>, or a source replaced
/// with itself), every cycle is reported with Cargo's cycle message naming the repeated source.
/// </para>
/// </remarks>
public sealed class SourceConfigMap
{
    private readonly Dictionary<string, Entry> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<SourceId, (string Name, SourceId Id)> _byId = new();

    private SourceConfigMap(GlobalContext gctx)
    {
        Context = gctx;
    }

    public GlobalContext Context { get; }

    /// <summary>The id crates.io dependencies are served from without replacement (sparse unless configured otherwise).</summary>
    public SourceId CratesIoServedBy { get; private set; } = SourceId.CratesIo;

    /// <summary>Reads and validates <c>[source]</c> (Cargo's <c>SourceConfigMap::new</c>).</summary>
    /// <param name="gctx">The run's configuration.</param>
    /// <param name="withSourceTable">False ignores <c>[source]</c> altogether, as <c>cargo vendor</c> does without <c>--respect-source-config</c> (Cargo removes the table from its configuration).</param>
    public static SourceConfigMap Create(GlobalContext gctx, bool withSourceTable = true)
    {
        var map = new SourceConfigMap(gctx);
        if (gctx.Registry.Index is not null)
        {
            throw new FerryException(
                "the `registry.index` config value is no longer supported\nUse `[source]` replacement to alter the default index for crates.io.");
        }

        map.Add(SourceId.CratesIoRegistryName, new Entry(SourceId.CratesIo, null));
        if (map.CratesIoIsSparse())
        {
            map.CratesIoServedBy = SourceId.ForRegistry(Url.Parse(SourceId.CratesIoHttpIndex), SourceId.CratesIoRegistryName);
            map.Add(SourceId.CratesIoRegistryName, new Entry(map.CratesIoServedBy, null));
        }

        // Sorted, so that with several broken tables the same one is reported every time
        // (Cargo reports whichever its hash map yields first).
        if (!withSourceTable)
        {
            return map;
        }

        foreach (var (name, config) in gctx.Sources)
        {
            map.AddConfig(name, config);
        }

        return map;
    }

    /// <summary>
    /// Follows the replacement chain for <paramref name="id"/> (Cargo's <c>SourceConfigMap::load</c>
    /// minus the loading): the source that serves it, or Cargo's error for an unknown name, a cycle,
    /// a replacement that cannot produce a compatible lockfile, or a source that needs a lockfile.
    /// </summary>
    public SourceResolution Resolve(SourceId id)
    {
        if (!_byId.TryGetValue(id, out var start))
        {
            return SourceResolution.Unreplaced(id);
        }

        var origName = start.Name;
        var name = origName;
        var cfgLoc = string.Empty;
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        SourceId newId;
        while (true)
        {
            if (!_byName.TryGetValue(name, out var cfg))
            {
                if (AltRegistry(name) is { } alt)
                {
                    newId = alt;
                    break;
                }

                throw new FerryException(
                    $"could not find a configured source with the name `{name}` when attempting to lookup `{origName}` (configuration in `{cfgLoc}`)");
            }

            if (cfg.ReplaceWith is { } replaceWith)
            {
                name = replaceWith.Val;
                cfgLoc = replaceWith.Definition.ToString();
            }
            else if (id == cfg.Id)
            {
                return SourceResolution.Unreplaced(id);
            }
            else
            {
                newId = cfg.Id;
                break;
            }

            if (!seen.Add(name))
            {
                throw new FerryException(
                    $"detected a cycle of `replace-with` sources, the source `{name}` is eventually replaced with itself (configuration in `{cfgLoc}`)");
            }
        }

        if (!SupportsChecksums(newId) && SupportsChecksums(id))
        {
            throw new FerryException(
                $"cannot replace `{origName}` with `{name}`, the source `{origName}` supports checksums, but `{name}` does not\n\n"
                + $"a lock file compatible with `{origName}` cannot be generated in this situation");
        }

        if (RequiresPrecise(id) && id.Precise is null)
        {
            throw new FerryException(
                $"the source {origName} requires a lock file to be present first before it can be\n"
                + "used against vendored source code\n\n"
                + "remove the source replacement configuration, generate a lock file, and then\n"
                + "restore the source replacement configuration to continue the build");
        }

        return new SourceResolution(id, newId, origName, name);
    }

    /// <summary>
    /// The index of the registry named <paramref name="name"/> (<c>crates-io</c> or a
    /// <c>[registries]</c> key) as a source id, or null when it is not configured or invalid.
    /// </summary>
    public SourceId? AltRegistry(string name)
    {
        if (name == SourceId.CratesIoRegistryName)
        {
            return SourceId.CratesIo;
        }

        if (name.Length == 0)
        {
            return null;
        }

        try
        {
            if (Context.GetWithEnv(ConfigKey.Parse("registries").Push(name).Push("index")) is not ConfigString index)
            {
                return null;
            }

            if (!Url.TryParse(index.Value, out var url, out _) || (url.UserInfo?.Contains(':') ?? false))
            {
                return null;
            }

            return SourceId.ForRegistry(url, name);
        }
        catch (FerryException)
        {
            return null;
        }
    }

    /// <summary>Registries and directories carry checksums a lockfile records; git and path sources do not.</summary>
    internal static bool SupportsChecksums(SourceId id) => id.IsRegistry;

    /// <summary>Sources that can only be replaced once a lockfile pinned them (Cargo: git and directory sources).</summary>
    internal static bool RequiresPrecise(SourceId id) => id.Kind is SourceKind.Git or SourceKind.Directory;

    private bool CratesIoIsSparse()
    {
        var value = Context.GetWithEnv(ConfigKey.Parse("registries.crates-io.protocol"));
        return value switch
        {
            null => true,
            ConfigString { Value: "sparse" } => true,
            ConfigString { Value: "git" } => false,
            ConfigString other => throw new FerryException($"unsupported registry protocol `{other.Value}` (defined in {other.Definition})"),
            _ => throw new FerryException($"invalid configuration for key `registries.crates-io.protocol`\nexpected a string, but found a {value.Description} in {value.Definition}"),
        };
    }

    private void AddConfig(string name, SourceConfig def)
    {
        var sources = new List<SourceId>();
        if (def.Registry is { } registry)
        {
            sources.Add(SourceId.ForRegistry(ParseUrl(registry, $"source.{name}.registry"), name));
        }

        if (def.LocalRegistry is { } localRegistry)
        {
            sources.Add(SourceId.ForLocalRegistry(localRegistry.ResolvePath(Context.Cwd)));
        }

        if (def.Directory is { } directory)
        {
            sources.Add(SourceId.ForDirectory(directory.ResolvePath(Context.Cwd)));
        }

        if (def.Git is { } git)
        {
            var reference = def.Branch is { } branch ? GitReference.Branch(branch.Val)
                : def.Tag is { } tag ? GitReference.Tag(tag.Val)
                : def.Rev is { } rev ? GitReference.Rev(rev.Val)
                : GitReference.DefaultBranch;
            sources.Add(SourceId.ForGit(ParseUrl(git, $"source.{name}.git"), reference));
        }
        else
        {
            CheckNotSet(name, "branch", def.Branch);
            CheckNotSet(name, "tag", def.Tag);
            CheckNotSet(name, "rev", def.Rev);
        }

        if (name == SourceId.CratesIoRegistryName && sources.Count == 0)
        {
            sources.Add(CratesIoServedBy);
        }

        switch (sources.Count)
        {
            case 0:
                throw new FerryException(
                    $"no source location specified for `source.{name}`, need `registry`, `local-registry`, `directory`, or `git` defined");
            case > 1:
                throw new FerryException($"more than one source location specified for `source.{name}`");
        }

        Add(name, new Entry(sources[0], def.ReplaceWith));
    }

    private void Add(string name, Entry entry)
    {
        var displayed = entry.Id;
        if (_byId.TryGetValue(entry.Id, out var existing))
        {
            displayed = existing.Id;
        }

        if (!ReferenceEquals(displayed, entry.Id) && name != SourceId.CratesIoRegistryName)
        {
            // Cargo interns source ids without their registry name, so the id it prints carries
            // the name it was first defined under.
            throw new FerryException(
                $"source `{name}` defines source {existing.Id}, but that source is already defined by `{existing.Name}`\n"
                + "note: Sources are not allowed to be defined multiple times.");
        }

        _byId[entry.Id] = (name, displayed);
        _byName[name] = entry;
    }

    private static void CheckNotSet(string name, string key, Value<string>? value)
    {
        if (value is not null)
        {
            throw new FerryException(
                $"source definition `source.{name}` specifies `{key}`, but that requires a `git` key to be specified (in {value.Definition})");
        }
    }

    private static Url ParseUrl(Value<string> value, string key)
    {
        try
        {
            return Url.Parse(value.Val);
        }
        catch (FerryException error)
        {
            throw new FerryException($"configuration key `{key}` specified an invalid URL (in {value.Definition})", error);
        }
    }

    private sealed record Entry(SourceId Id, Value<string>? ReplaceWith);
}

using System.Collections.Immutable;
using Ferry.Core.Configuration;
using Ferry.Core.Identity;
using Ferry.Core.Manifest;
using Ferry.Core.Manifest.Schema;
using Ferry.Resolver.Features;
using Ferry.Util.Diagnostics;

namespace Ferry.Build.Profiles;

/// <summary>
/// Every profile of a build and how a unit's profile is derived (Cargo's <c>Profiles</c>): the
/// manifest's <c>[profile]</c> tables with the configuration's merged on top, the built-in
/// <c>dev</c>/<c>release</c>/<c>test</c>/<c>bench</c>/<c>debug</c>/<c>doc</c> profiles, <c>inherits</c>
/// chains (with Cargo's errors for loops and missing parents), then per unit: host adjustments
/// (<c>opt-level = 0</c>, deferred debuginfo), <c>build-override</c>, <c>package."*"</c> for
/// non-members and <c>package.SPEC</c>.
/// </summary>
public sealed class ProfileSet
{
    private static readonly string[] Predefined = ["debug", "bench", "test", "doc"];

    private readonly Dictionary<string, (Profile Default, TomlProfile? Toml)> _makers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _dirNames = new(StringComparer.Ordinal)
    {
        ["dev"] = "debug",
        ["test"] = "debug",
        ["bench"] = "release",
    };

    private readonly bool? _incremental;
    private readonly string _rustcHost;

    private ProfileSet(string requested, bool? incremental, string rustcHost)
    {
        RequestedProfile = requested;
        _incremental = incremental;
        _rustcHost = rustcHost;
    }

    public string RequestedProfile { get; }

    /// <summary>The directory under the target directory (<c>debug</c> for <c>dev</c> and <c>test</c>).</summary>
    public string DirName => _dirNames.TryGetValue(RequestedProfile, out var dir) ? dir : RequestedProfile;

    /// <summary>The raw profiles after merging manifest and configuration (for <c>package</c> spec warnings).</summary>
    public ImmutableSortedDictionary<string, TomlProfile> Merged { get; private set; } = ImmutableSortedDictionary<string, TomlProfile>.Empty;

    public static ProfileSet Create(TomlProfiles? manifestProfiles, GlobalContext gctx, string requested, string rustcHost)
    {
        bool? incremental = gctx.Environment.Get("CARGO_INCREMENTAL") is { } value
            ? value == "1"
            : gctx.Build.Incremental ?? (IsCi(gctx) ? false : null);
        var set = new ProfileSet(requested, incremental, rustcHost);
        var profiles = MergeConfigProfiles(manifestProfiles, gctx, requested);
        set.Merged = profiles.ToImmutableSortedDictionary(StringComparer.Ordinal);

        set._makers["dev"] = (Profile.DefaultDev, profiles.GetValueOrDefault("dev"));
        set._makers["release"] = (Profile.DefaultRelease, profiles.GetValueOrDefault("release"));
        foreach (var name in Predefined)
        {
            var predefined = new TomlProfile { Inherits = name is "bench" ? "release" : "dev" };
            profiles[name] = profiles.TryGetValue(name, out var user) ? TomlProfileMerge.Merge(predefined, user) : predefined;
        }

        foreach (var (name, profile) in profiles)
        {
            set.AddMaker(name, profile, profiles);
        }

        if (!set._makers.ContainsKey(requested))
        {
            throw new FerryException($"profile `{requested}` is not defined");
        }

        return set;
    }

    /// <summary>Cargo's <c>is_ci</c>: incremental compilation is off by default on CI.</summary>
    private static bool IsCi(GlobalContext gctx) => gctx.Environment.Get("CI") is not null || gctx.Environment.Get("TF_BUILD") is not null;

    private static SortedDictionary<string, TomlProfile> MergeConfigProfiles(TomlProfiles? manifest, GlobalContext gctx, string requested)
    {
        var profiles = new SortedDictionary<string, TomlProfile>(StringComparer.Ordinal);
        foreach (var (name, profile) in manifest?.Profiles ?? [])
        {
            profiles[name] = profile;
        }

        var toAdd = new HashSet<string>(StringComparer.Ordinal) { requested };
        foreach (var name in profiles.Keys.ToList())
        {
            var profile = profiles[name];
            if (gctx.Profile(name) is { } fromConfig)
            {
                Validate(fromConfig, name);
                profile = TomlProfileMerge.Merge(profile, fromConfig);
                profiles[name] = profile;
            }

            if (profile.Inherits is { } inherits)
            {
                toAdd.Add(inherits);
            }
        }

        foreach (var name in new[] { "dev", "release", "test", "bench" })
        {
            toAdd.Add(name);
        }

        while (toAdd.Count > 0)
        {
            var current = toAdd.ToList();
            toAdd.Clear();
            foreach (var name in current)
            {
                if (!profiles.ContainsKey(name) && gctx.Profile(name) is { } fromConfig)
                {
                    Validate(fromConfig, name);
                    if (fromConfig.Inherits is { } inherits)
                    {
                        toAdd.Add(inherits);
                    }

                    profiles[name] = fromConfig;
                }
            }
        }

        return profiles;
    }

    private static void Validate(TomlProfile profile, string name)
    {
        try
        {
            var warnings = new List<string>();
            ProfileValidation.ValidateManifest(new TomlProfiles([new(name, profile)]), new CargoFeatures([], false, true), warnings);
        }
        catch (FerryException error)
        {
            throw new FerryException($"config profile `{name}` is not valid (defined in `profile.{name}`)", error);
        }
    }

    private void AddMaker(string name, TomlProfile profile, SortedDictionary<string, TomlProfile> profiles)
    {
        if (profile.DirName is { } dirName)
        {
            _dirNames[name] = dirName;
        }

        if (name is "dev" or "release")
        {
            if (profile.Inherits is not null)
            {
                throw new FerryException($"`inherits` must not be specified in root profile `{name}`");
            }

            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        _makers[name] = ProcessChain(name, profile, seen, profiles);
    }

    private (Profile Default, TomlProfile? Toml) ProcessChain(string name, TomlProfile profile, HashSet<string> seen, SortedDictionary<string, TomlProfile> profiles)
    {
        (Profile Default, TomlProfile? Toml) maker;
        switch (profile.Inherits)
        {
            case "dev" or "release":
                maker = _makers[profile.Inherits];
                break;
            case { } parentName:
                if (!seen.Add(parentName))
                {
                    throw new FerryException($"profile inheritance loop detected with profile `{name}` inheriting `{parentName}`");
                }

                if (!profiles.TryGetValue(parentName, out var parent))
                {
                    throw new FerryException($"profile `{name}` inherits from `{parentName}`, but that profile is not defined");
                }

                maker = ProcessChain(parentName, parent, seen, profiles);
                break;
            default:
                throw new FerryException(
                    $"profile `{name}` is missing an `inherits` directive (`inherits` is required for all profiles except `dev` or `release`)");
        }

        return (maker.Default, maker.Toml is null ? profile : TomlProfileMerge.Merge(maker.Toml, profile));
    }

    /// <summary>The profile of one unit (Cargo's <c>get_profile</c>).</summary>
    public Profile Get(PackageId package, bool isMember, bool isLocal, UnitFor unitFor, CompileKind kind)
    {
        var (defaults, toml) = _makers[RequestedProfile];
        var profile = Make(defaults, toml, package, isMember, unitFor.IsForHost);
        if (unitFor.AlwaysUnwind)
        {
            profile = profile with { Panic = PanicStrategy.Unwind };
        }

        if (profile.DebugInfoTurnedOn && profile.SplitDebuginfo is null)
        {
            var target = kind.Triple ?? _rustcHost;
            if (target.Contains("-apple-", StringComparison.Ordinal))
            {
                profile = profile with { SplitDebuginfo = "unpacked" };
            }
        }

        if (_incremental is { } incremental)
        {
            profile = profile with { Incremental = incremental };
        }

        if (!isLocal)
        {
            profile = profile with { Incremental = false };
        }

        return profile with { Name = RequestedProfile };
    }

    /// <summary>The profile of running a build script: only what the script can observe (Cargo's <c>get_profile_run_custom_build</c>).</summary>
    public static Profile RunCustomBuild(Profile forUnit) => new()
    {
        Name = forUnit.Name,
        Root = forUnit.Root,
        DebugInfo = forUnit.DebugInfo,
        DebugInfoDeferred = forUnit.DebugInfoDeferred,
        OptLevel = forUnit.OptLevel,
        DebugAssertions = forUnit.DebugAssertions,
        TrimPaths = forUnit.TrimPaths,
    };

    /// <summary>The requested profile with nothing package-specific (what the <c>Finished</c> line describes).</summary>
    public Profile BaseProfile()
    {
        var (defaults, toml) = _makers[RequestedProfile];
        return Make(defaults, toml, null, isMember: true, forHost: false) with { Name = RequestedProfile };
    }

    private static Profile Make(Profile defaults, TomlProfile? toml, PackageId? package, bool isMember, bool forHost)
    {
        var profile = defaults;
        if (toml is not null)
        {
            profile = Apply(profile, toml);
        }

        if (forHost)
        {
            profile = profile with { OptLevel = "0", CodegenUnits = null, DebugInfoDeferred = true };
        }

        if (toml is null)
        {
            return profile;
        }

        if (forHost && toml.BuildOverride is { } buildOverride)
        {
            profile = Apply(profile, buildOverride);
        }

        if (toml.Package is { } overrides)
        {
            if (!isMember)
            {
                foreach (var (spec, layer) in overrides)
                {
                    if (spec == "*")
                    {
                        profile = Apply(profile, layer);
                    }
                }
            }

            if (package is not null)
            {
                foreach (var (spec, layer) in overrides)
                {
                    if (spec != "*" && PackageIdSpec.Parse(spec).Matches(package))
                    {
                        profile = Apply(profile, layer);
                        break;
                    }
                }
            }
        }

        return profile;
    }

    /// <summary>Cargo's <c>merge_profile</c>: one TOML layer applied to a profile (an unset <c>strip</c> resets to deferred, as in Cargo).</summary>
    private static Profile Apply(Profile profile, TomlProfile toml)
    {
        if (toml.OptLevel is { } optLevel)
        {
            profile = profile with { OptLevel = optLevel };
        }

        if (toml.Lto is { } lto)
        {
            profile = profile with
            {
                Lto = lto.IsString
                    ? lto.String is "off" or "n" or "no" ? ProfileLto.Off : new ProfileLto(lto.String!)
                    : lto.Bool ? ProfileLto.True : ProfileLto.False,
            };
        }

        if (toml.CodegenBackend is { } backend)
        {
            profile = profile with { CodegenBackend = backend };
        }

        if (toml.CodegenUnits is { } units)
        {
            profile = profile with { CodegenUnits = units };
        }

        if (toml.Debug is { } debug)
        {
            profile = profile with { DebugInfo = debug, DebugInfoDeferred = false };
        }

        if (toml.DebugAssertions is { } assertions)
        {
            profile = profile with { DebugAssertions = assertions };
        }

        if (toml.SplitDebuginfo is { } split)
        {
            profile = profile with { SplitDebuginfo = split };
        }

        if (toml.Rpath is { } rpath)
        {
            profile = profile with { Rpath = rpath };
        }

        if (toml.Panic is { } panic)
        {
            profile = profile with
            {
                Panic = panic switch
                {
                    "abort" => PanicStrategy.Abort,
                    "immediate-abort" => PanicStrategy.ImmediateAbort,
                    _ => PanicStrategy.Unwind,
                },
            };
        }

        if (toml.OverflowChecks is { } overflow)
        {
            profile = profile with { OverflowChecks = overflow };
        }

        if (toml.Incremental is { } incremental)
        {
            profile = profile with { Incremental = incremental };
        }

        if (toml.Rustflags is { } flags)
        {
            profile = profile with { Rustflags = flags };
        }

        if (toml.TrimPaths is { } trim)
        {
            profile = profile with { TrimPaths = trim };
        }

        return toml.Strip switch
        {
            { IsString: false, Bool: true } => profile with { Strip = "symbols", StripDeferred = false },
            { IsString: false, Bool: false } => profile with { Strip = "none", StripDeferred = false },
            { String: { } named } => profile with { Strip = named, StripDeferred = false },
            _ => profile with { Strip = "none", StripDeferred = true },
        };
    }
}

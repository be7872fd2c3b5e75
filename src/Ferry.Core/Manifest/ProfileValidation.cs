using Ferry.Core.Manifest.Schema;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest;

/// <summary>
/// Profile rules. <see cref="ValidateManifest"/> is what Cargo checks while reading a manifest
/// (<c>validate_profiles</c>); <see cref="ValidateForBuild"/> is what it checks only when a build sets up
/// its profiles (<c>Profiles::new</c>): the <c>inherits</c> chains (missing, undefined, cyclic) and that
/// the requested profile exists. <c>cargo metadata</c> accepts manifests that fail the latter.
/// </summary>
public static class ProfileValidation
{
    public static void ValidateManifest(TomlProfiles profiles, CargoFeatures features, List<string> warnings)
    {
        foreach (var (name, profile) in profiles.Profiles)
        {
            ValidateProfile(profile, name, features, warnings);
        }
    }

    private static void ValidateProfile(TomlProfile root, string name, CargoFeatures features, List<string> warnings)
    {
        ValidateLayer(root, features);
        if (root.BuildOverride is { } buildOverride)
        {
            ValidateOverride(buildOverride, "build-override");
            ValidateLayer(buildOverride, features);
        }

        if (root.Package is { } packages)
        {
            foreach (var (_, profile) in packages)
            {
                ValidateOverride(profile, "package");
                ValidateLayer(profile, features);
            }
        }

        if (root.DirName is { } dirName)
        {
            throw new FerryException(
                $"dir-name=\"{dirName}\" in profile `{name}` is not currently allowed, directory names are tied to the profile name for custom profiles");
        }

        if (name == "doc")
        {
            warnings.Add("profile `doc` is deprecated and has no effect");
        }
        else if (name is "test" or "bench" && root.Panic is not null)
        {
            warnings.Add($"`panic` setting is ignored for `{name}` profile");
        }

        if (root.Panic is { } panic && panic is not ("unwind" or "abort" or "immediate-abort"))
        {
            throw new FerryException($"`panic` setting of `{panic}` is not a valid setting, must be `unwind`, `abort`, or `immediate-abort`.");
        }

        if (root.Lto is { String: "true" or "false" } lto)
        {
            throw new FerryException(
                $"`lto` setting of string `\"{lto.String}\"` for `{name}` profile is not a valid setting, must be a boolean (`true`/`false`) or a string (`\"thin\"`/`\"fat\"`/`\"off\"`) or omitted.");
        }
    }

    private static void ValidateLayer(TomlProfile profile, CargoFeatures features)
    {
        if (profile.CodegenBackend is not null)
        {
            features.Require("codegen-backend");
        }

        if (profile.Rustflags is not null)
        {
            features.Require("profile-rustflags");
        }

        if (profile.TrimPaths is not null)
        {
            features.Require("trim-paths");
        }

        if (profile.Panic == "immediate-abort")
        {
            features.Require("panic-immediate-abort");
        }
    }

    private static void ValidateOverride(TomlProfile profile, string which)
    {
        if (profile.Package is not null)
        {
            throw new FerryException("package-specific profiles cannot be nested");
        }

        if (profile.BuildOverride is not null)
        {
            throw new FerryException("build-override profiles cannot be nested");
        }

        if (profile.Panic is not null)
        {
            throw new FerryException($"`panic` may not be specified in a `{which}` profile");
        }

        if (profile.Lto is not null)
        {
            throw new FerryException($"`lto` may not be specified in a `{which}` profile");
        }

        if (profile.Rpath is not null)
        {
            throw new FerryException($"`rpath` may not be specified in a `{which}` profile");
        }
    }

    /// <summary>
    /// The checks Cargo makes when a build sets up profiles: <c>dev</c>/<c>release</c> must not inherit,
    /// every other profile (the built-in <c>test</c>, <c>bench</c>, <c>doc</c>, <c>debug</c> included) must
    /// reach one of them through <c>inherits</c> without a loop, and <paramref name="requested"/> must exist.
    /// Profiles are visited in name order, as Cargo does, so the first problem reported is the same.
    /// </summary>
    public static void ValidateForBuild(TomlProfiles? profiles, string requested)
    {
        var all = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["debug"] = "dev",
            ["bench"] = "release",
            ["test"] = "dev",
            ["doc"] = "dev",
        };
        foreach (var (name, profile) in profiles?.Profiles ?? [])
        {
            // A user profile overrides the predefined one's settings, but the predefined `inherits` stays unless given.
            all[name] = profile.Inherits ?? (all.TryGetValue(name, out var predefined) ? predefined : null);
        }

        foreach (var (name, inherits) in all)
        {
            if (name is "dev" or "release")
            {
                if (inherits is not null)
                {
                    throw new FerryException($"`inherits` must not be specified in root profile `{name}`");
                }

                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal) { name };
            var current = name;
            var parent = inherits;
            while (true)
            {
                if (parent is null)
                {
                    throw new FerryException(
                        $"profile `{current}` is missing an `inherits` directive (`inherits` is required for all profiles except `dev` or `release`)");
                }

                if (parent is "dev" or "release")
                {
                    break;
                }

                if (!seen.Add(parent))
                {
                    throw new FerryException($"profile inheritance loop detected with profile `{current}` inheriting `{parent}`");
                }

                if (!all.TryGetValue(parent, out var next))
                {
                    throw new FerryException($"profile `{current}` inherits from `{parent}`, but that profile is not defined");
                }

                current = parent;
                parent = next;
            }
        }

        if (requested is not ("dev" or "release") && !all.ContainsKey(requested))
        {
            throw new FerryException($"profile `{requested}` is not defined");
        }
    }
}

using System.Collections.Immutable;
using System.Text;
using Ferry.Core.Manifest.Targets;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest;

/// <summary>
/// The manifest's <c>cargo-features</c> (Cargo's <c>Features</c>): which unstable features it opts into,
/// checked against Cargo 1.95's feature table. A stable Cargo (and Ferry) refuses every unstable one,
/// warns about stabilized ones and rejects removed ones, with Cargo's texts.
/// </summary>
public sealed record CargoFeatures(ImmutableArray<string> Activated, bool NightlyFeaturesAllowed, bool IsLocal)
{
    public const string CargoVersion = "1.95.0 (f2d3ce0bd 2026-03-21)";

    private enum Status
    {
        Stable,
        Unstable,
        Removed,
    }

    private static readonly Dictionary<string, (Status Status, string Version, string Docs)> Table = new(StringComparer.Ordinal)
    {
        ["test-dummy-stable"] = (Status.Stable, "1.0", ""),
        ["test-dummy-unstable"] = (Status.Unstable, "", "reference/unstable.html"),
        ["alternative-registries"] = (Status.Stable, "1.34", "reference/registries.html"),
        ["edition"] = (Status.Stable, "1.31", "reference/manifest.html#the-edition-field"),
        ["rename-dependency"] = (Status.Stable, "1.31", "reference/specifying-dependencies.html#renaming-dependencies-in-cargotoml"),
        ["publish-lockfile"] = (Status.Removed, "1.37", "reference/unstable.html#publish-lockfile"),
        ["profile-overrides"] = (Status.Stable, "1.41", "reference/profiles.html#overrides"),
        ["default-run"] = (Status.Stable, "1.37", "reference/manifest.html#the-default-run-field"),
        ["metabuild"] = (Status.Unstable, "", "reference/unstable.html#metabuild"),
        ["public-dependency"] = (Status.Unstable, "", "reference/unstable.html#public-dependency"),
        ["named-profiles"] = (Status.Stable, "1.57", "reference/profiles.html#custom-profiles"),
        ["resolver"] = (Status.Stable, "1.51", "reference/resolver.html#resolver-versions"),
        ["strip"] = (Status.Stable, "1.58", "reference/profiles.html#strip-option"),
        ["rust-version"] = (Status.Stable, "1.56", "reference/manifest.html#the-rust-version-field"),
        ["edition2021"] = (Status.Stable, "1.56", "reference/manifest.html#the-edition-field"),
        ["per-package-target"] = (Status.Unstable, "", "reference/unstable.html#per-package-target"),
        ["codegen-backend"] = (Status.Unstable, "", "reference/unstable.html#codegen-backend"),
        ["different-binary-name"] = (Status.Unstable, "", "reference/unstable.html#different-binary-name"),
        ["profile-rustflags"] = (Status.Unstable, "", "reference/unstable.html#profile-rustflags-option"),
        ["workspace-inheritance"] = (Status.Stable, "1.64", "reference/unstable.html#workspace-inheritance"),
        ["edition2024"] = (Status.Stable, "1.85", "reference/manifest.html#the-edition-field"),
        ["trim-paths"] = (Status.Unstable, "", "reference/unstable.html#profile-trim-paths-option"),
        ["open-namespaces"] = (Status.Unstable, "", "reference/unstable.html#open-namespaces"),
        ["path-bases"] = (Status.Unstable, "", "reference/unstable.html#path-bases"),
        ["unstable-editions"] = (Status.Unstable, "", "reference/unstable.html#unstable-editions"),
        ["multiple-build-scripts"] = (Status.Unstable, "", "reference/unstable.html#multiple-build-scripts"),
        ["panic-immediate-abort"] = (Status.Unstable, "", "reference/unstable.html#panic-immediate-abort"),
    };

    /// <summary>The <c>-Z</c> flags of Cargo 1.95 (for the "can be enabled via -Z" hint).</summary>
    private static readonly HashSet<string> UnstableFlags = new(StringComparer.Ordinal)
    {
        "allow-features", "any-build-script-metadata", "asymmetric-token", "avoid-dev-deps", "binary-dep-depinfo", "bindeps",
        "build-analysis", "build-dir-new-layout", "build-std", "build-std-features", "cargo-lints", "checksum-freshness",
        "codegen-backend", "direct-minimal-versions", "dual-proc-macros", "feature-unification", "fine-grain-locking",
        "fix-edition", "gc", "git", "gitoxide", "host-config", "json-target-spec", "lockfile-path", "minimal-versions",
        "msrv-policy", "mtime-on-use", "no-embed-metadata", "no-index-update", "panic-abort-tests", "panic-immediate-abort",
        "profile-hint-mostly-unused", "profile-rustflags", "public-dependency", "publish-timeout", "root-dir", "rustc-unicode",
        "rustdoc-depinfo", "rustdoc-map", "rustdoc-mergeable-info", "rustdoc-scrape-examples", "sbom", "script",
        "section-timings", "target-applies-to-host", "trim-paths", "unstable-options", "warnings",
    };

    public static CargoFeatures None { get; } = new([], false, true);

    /// <summary>Cargo's <c>Features::new</c>: checks each name in order; stabilized ones add a warning.</summary>
    public static CargoFeatures Create(IReadOnlyList<string> names, bool nightlyAllowed, bool isLocal, List<string> warnings)
    {
        var activated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!Table.TryGetValue(name, out var feature))
            {
                throw new FerryException(UnknownMessage(name));
            }

            if (!activated.Add(name))
            {
                throw new FerryException($"the cargo feature `{name}` has already been activated");
            }

            var seeDocs = $"See https://doc.rust-lang.org/{(nightlyAllowed ? "nightly/" : string.Empty)}cargo/{feature.Docs} for more information about using this feature.";
            switch (feature.Status)
            {
                case Status.Stable:
                    warnings.Add($"the cargo feature `{name}` has been stabilized in the {feature.Version} release and is no longer necessary to be listed in the manifest\n  {seeDocs}");
                    break;
                case Status.Unstable when !nightlyAllowed:
                    throw new FerryException(
                        $"the cargo feature `{name}` requires a nightly version of Cargo, but this is the `stable` channel\n"
                        + "See https://doc.rust-lang.org/book/appendix-07-nightly-rust.html for more information about Rust release channels.\n"
                        + seeDocs);
                case Status.Removed:
                    var message = new StringBuilder($"the cargo feature `{name}` has been removed in the {feature.Version} release\n\n");
                    message.Append(isLocal
                        ? "Remove the feature from Cargo.toml to remove this error.\n"
                        : $"This package cannot be used with this version of Cargo, as the unstable feature `{name}` is no longer supported.\n");
                    message.Append(seeDocs);
                    throw new FerryException(message.ToString());
            }
        }

        return new CargoFeatures([.. names], nightlyAllowed, isLocal);
    }

    private static string UnknownMessage(string name)
    {
        var message = new StringBuilder($"unknown Cargo.toml feature `{name}`\n\n");
        if (name.Contains('_', StringComparison.Ordinal))
        {
            message.Append("Feature names must use '-' instead of '_'.");
            return message.ToString();
        }

        if (UnstableFlags.Contains(name))
        {
            message.Append($"This feature can be enabled via -Z{name} or the `[unstable]` section in config.toml.\n");
        }

        message.Append("See https://doc.rust-lang.org/nightly/cargo/reference/unstable.html for more information.");
        return message.ToString();
    }

    public bool IsEnabled(string feature) => Activated.Contains(feature);

    /// <summary>Cargo's <c>Features::require</c>: the "feature `x` is required" error unless enabled.</summary>
    public void Require(string feature)
    {
        if (IsEnabled(feature))
        {
            return;
        }

        var docs = Table.TryGetValue(feature, out var entry) ? entry.Docs : "reference/unstable.html";
        ToGate().Require(feature, docs);
    }

    /// <summary>The view target discovery uses.</summary>
    public UnstableFeatureGate ToGate() => new([.. Activated], CargoVersion, NightlyFeaturesAllowed, IsLocal);
}

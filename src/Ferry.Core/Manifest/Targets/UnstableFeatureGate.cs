using System.Collections.Immutable;
using System.Text;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// The slice of Cargo's <c>cargo-features</c> machinery that target normalization needs: which
/// unstable features the manifest enabled, and enough about the running tool to word Cargo's
/// "feature is required" error exactly. Targets need it for <c>filename</c> on binaries and for a
/// list of build scripts. Until the manifest layer has its own feature model, callers build this
/// from the parsed <c>cargo-features</c> array.
/// </summary>
/// <param name="Enabled">Feature names as written in <c>cargo-features</c> (kebab-case).</param>
/// <param name="CargoVersion">The version text Cargo prints in the error, e.g. <c>1.95.0 (f2d3ce0bd 2026-03-21)</c>.</param>
/// <param name="NightlyFeaturesAllowed">Whether unstable features may be enabled at all (a nightly toolchain).</param>
/// <param name="IsLocal">Whether the package comes from a path source (changes the nightly hint).</param>
public sealed record UnstableFeatureGate(
    ImmutableHashSet<string> Enabled,
    string CargoVersion,
    bool NightlyFeaturesAllowed,
    bool IsLocal)
{
    /// <summary>Nothing enabled, stable toolchain: what a stable Cargo 1.95 sees for a local package.</summary>
    public static UnstableFeatureGate Stable { get; } = new([], "1.95.0 (f2d3ce0bd 2026-03-21)", false, true);

    /// <summary>Whether the manifest enabled the feature (the caller has already rejected `cargo-features` on stable).</summary>
    public bool IsEnabled(string feature) => Enabled.Contains(feature);

    /// <summary>Throws Cargo's "feature `x` is required" error unless the feature is enabled.</summary>
    /// <param name="feature">The kebab-case feature name.</param>
    /// <param name="docs">The page under <c>https://doc.rust-lang.org/nightly/cargo/</c> describing it.</param>
    internal void Require(string feature, string docs)
    {
        if (IsEnabled(feature))
        {
            return;
        }

        // Cargo builds this with a newline after every line; its error printer drops the last
        // one, and so does ours, so the message ends without it.
        var message = new StringBuilder()
            .Append("feature `").Append(feature).Append("` is required\n\n")
            .Append("The package requires the Cargo feature called `").Append(feature)
            .Append("`, but that feature is not stabilized in this version of Cargo (").Append(CargoVersion).Append(").\n");
        if (NightlyFeaturesAllowed)
        {
            message.Append(IsLocal
                ? "Consider adding `cargo-features = [\"" + feature + "\"]` to the top of Cargo.toml (above the [package] table) to tell Cargo you are opting in to use this unstable feature.\n"
                : "Consider trying a more recent nightly release.\n");
        }
        else
        {
            message.Append("Consider trying a newer version of Cargo (this may require the nightly release).\n");
        }

        message.Append("See https://doc.rust-lang.org/nightly/cargo/").Append(docs)
            .Append(" for more information about the status of this feature.");
        throw new FerryException(message.ToString());
    }
}

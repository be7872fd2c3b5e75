using System.Collections.Immutable;
using Ferry.Build.Units;
using Ferry.Core.Configuration;
using Ferry.Util.Diagnostics;

namespace Ferry.Build.BuildScripts;

/// <summary>
/// Whether a package's build script may run: the seam for Ferry's build-script policy (DESIGN.md
/// section 4). Workspace members always may. Dependencies may unless <c>[security] build-scripts =
/// "deny"</c>, in which case only those named in <c>allow-build-scripts</c> run. The default is
/// "allow" so that Cargo projects build unchanged; a later version denies by default and sandboxes.
/// </summary>
public sealed record BuildScriptPolicy(bool DenyDependencies, ImmutableArray<string> Allowed)
{
    public static BuildScriptPolicy AllowAll { get; } = new(false, []);

    public static BuildScriptPolicy FromConfig(SecurityConfig security) =>
        new(security.BuildScripts == "deny", security.AllowBuildScripts);

    public void Check(BuildPackage package)
    {
        if (!DenyDependencies || package.IsMember || Allowed.Contains(package.Name) || Allowed.Contains($"{package.Name}@{package.Version}"))
        {
            return;
        }

        throw new FerryException(
            $"the build script of `{package.Id}` is not allowed to run",
            null,
            [$"help: `[security] build-scripts = \"deny\"` is set; add `\"{package.Name}\"` to `[security] allow-build-scripts` to let it run"]);
    }
}

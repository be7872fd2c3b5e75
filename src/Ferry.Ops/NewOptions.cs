using Ferry.Core.Manifest;
using Ferry.Core.Configuration;
using Ferry.Ops.Scaffold;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary>
/// What <c>new</c>/<c>init</c> were asked for, as Cargo's <c>NewOptions</c>.
/// </summary>
/// <param name="VersionControl">From <c>--vcs</c>; null lets configuration and detection decide.</param>
/// <param name="Kind">The requested template (binary unless <c>--lib</c>).</param>
/// <param name="AutoDetectKind">Neither <c>--bin</c> nor <c>--lib</c>: <c>init</c> follows the sources it finds.</param>
/// <param name="Path">The package directory: the working directory joined with the argument, not normalised (messages show it as typed).</param>
/// <param name="Name">From <c>--name</c>.</param>
/// <param name="Edition">From <c>--edition</c>.</param>
/// <param name="Registry">From <c>--registry</c> or <c>registry.default</c>: written as <c>publish = ["..."]</c>.</param>
public sealed record NewOptions(
    VersionControl? VersionControl,
    NewProjectKind Kind,
    bool AutoDetectKind,
    string Path,
    string? Name,
    string? Edition,
    string? Registry)
{
    /// <summary>
    /// Checks the flags the way Cargo's <c>new_options</c> does (the registry name first, then
    /// <c>--bin</c> with <c>--lib</c>) and resolves the registry default from configuration.
    /// </summary>
    public static NewOptions Create(
        GlobalContext gctx,
        VersionControl? versionControl,
        bool bin,
        bool lib,
        string pathArgument,
        string? name,
        string? edition,
        string? registry)
    {
        ArgumentNullException.ThrowIfNull(gctx);
        if (registry is null)
        {
            registry = gctx.Registry.Default;
        }
        else if (NameValidation.RegistryNameError(registry) is { } error)
        {
            throw new FerryException(error);
        }

        if (bin && lib)
        {
            throw new FerryException("can't specify both lib and binary outputs");
        }

        return new NewOptions(
            versionControl,
            lib ? NewProjectKind.Lib : NewProjectKind.Bin,
            !bin && !lib,
            RustPath.Join(gctx.Cwd, pathArgument),
            name,
            edition,
            registry);
    }
}

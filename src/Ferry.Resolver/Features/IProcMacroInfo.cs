using Ferry.Core.Identity;

namespace Ferry.Resolver.Features;

/// <summary>
/// Which packages are proc-macros. That lives in a package's targets, not in its
/// <c>Summary</c>, so the caller (which has loaded the manifests) answers.
/// </summary>
public interface IProcMacroInfo
{
    /// <summary>The package's library is a proc-macro: depending on it means building it for the host.</summary>
    bool HasProcMacroLib(PackageId package);

    /// <summary>Any target of the package is a proc-macro (Cargo's <c>Package::proc_macro</c>).</summary>
    bool HasAnyProcMacro(PackageId package);
}

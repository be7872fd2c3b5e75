using Ferry.Resolver.Features;

namespace Ferry.Build.Profiles;

/// <summary>
/// Why a unit is being built, as far as profiles and features care (Cargo's <c>UnitFor</c>): for
/// the host (build scripts, proc-macros and what they use get the host's profile adjustments), with
/// the host's feature set, and whether <c>panic</c> from the profile applies (build scripts,
/// proc-macros and tests always unwind).
/// </summary>
public readonly record struct UnitFor(bool Host, bool HostFeatures, bool AlwaysUnwind, CompileKind RootCompileKind)
{
    public static UnitFor Normal(CompileKind root) => new(false, false, false, root);

    public static UnitFor ForHost(bool hostFeatures, CompileKind root) => new(true, hostFeatures, true, root);

    /// <summary>A target that runs at compile time without being a proc-macro or build script (Cargo's <c>new_compiler</c>).</summary>
    public static UnitFor Compiler(CompileKind root) => new(false, false, true, root);

    public static UnitFor Test(CompileKind root) => new(false, false, true, root);

    public static UnitFor HostTest(CompileKind root) => new(true, true, true, root);

    public bool IsForHost => Host;

    public FeaturesFor FeaturesFor => HostFeatures ? FeaturesFor.HostDep : FeaturesFor.NormalOrDev;

    /// <summary>What a dependency of a unit built this way is built for.</summary>
    public UnitFor WithDependency(bool parentIsCustomBuild, bool depForHost, bool depProcMacro) => new(
        Host || depForHost,
        HostFeatures || parentIsCustomBuild || depProcMacro,
        depForHost || AlwaysUnwind,
        RootCompileKind);

    public UnitFor ForCustomBuild() => new(true, HostFeatures, true, RootCompileKind);
}

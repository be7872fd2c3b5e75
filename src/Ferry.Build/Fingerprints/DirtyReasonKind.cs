namespace Ferry.Build.Fingerprints;

public enum DirtyReasonKind
{
    RustcChanged,
    FeaturesChanged,
    DeclaredFeaturesChanged,
    TargetConfigurationChanged,
    PathToSourceChanged,
    ProfileConfigurationChanged,
    RustflagsChanged,
    ConfigSettingsChanged,
    CompileKindChanged,
    LocalLengthsChanged,
    PrecalculatedComponentsChanged,
    DepInfoOutputChanged,
    RerunIfChangedOutputFileChanged,
    RerunIfChangedOutputPathsChanged,
    EnvVarsChanged,
    EnvVarChanged,
    LocalFingerprintTypeChanged,
    NumberOfDependenciesChanged,
    UnitDependencyNameChanged,
    UnitDependencyInfoChanged,
    FsStatusOutdated,
    NothingObvious,
    Forced,
    FreshBuild,
}

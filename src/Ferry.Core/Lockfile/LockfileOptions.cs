namespace Ferry.Core.Lockfile;

/// <summary>
/// The unstable switches that decide whether lockfile format V5 is usable: Cargo accepts it only
/// on a nightly toolchain (<see cref="NightlyFeaturesAllowed"/>) with <c>-Znext-lockfile-bump</c>.
/// </summary>
public sealed record LockfileOptions(bool NightlyFeaturesAllowed = false, bool NextLockfileBump = false)
{
    public static LockfileOptions Stable { get; } = new();
}

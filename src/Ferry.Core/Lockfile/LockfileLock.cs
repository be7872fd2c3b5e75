namespace Ferry.Core.Lockfile;

/// <summary>Whether the command line forbids changing Cargo.lock (<c>--locked</c>, or <c>--frozen</c> which implies it).</summary>
public enum LockfileLock
{
    None,
    Locked,
    Frozen,
}

namespace Ferry.Build.Profiles;

/// <summary>Which built-in profile a profile descends from: what <c>PROFILE</c> tells build scripts.</summary>
public enum ProfileRoot
{
    Debug,
    Release,
}

namespace Ferry.Semver;

/// <summary>The part of a version or comparator a parse error refers to (the semver crate's <c>Position</c>).</summary>
public enum SemverComponent
{
    Major,
    Minor,
    Patch,
    Prerelease,
    Build,
}

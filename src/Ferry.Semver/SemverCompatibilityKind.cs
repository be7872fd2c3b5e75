namespace Ferry.Semver;

/// <summary>Which component of a version is its left-most non-zero one; declaration order is sort order.</summary>
public enum SemverCompatibilityKind
{
    Major,
    Minor,
    Patch,
}

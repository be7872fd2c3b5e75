namespace Ferry.Ops.Resolution;

/// <summary>The forms of <see cref="PackageSelection"/>.</summary>
internal enum PackageSelectionKind
{
    /// <summary>No flag: the default members.</summary>
    Default,

    /// <summary><c>--workspace</c> (with any <c>-p</c> values checked to exist).</summary>
    All,

    /// <summary><c>--workspace --exclude ...</c>.</summary>
    OptOut,

    /// <summary><c>-p ...</c>.</summary>
    Packages,
}

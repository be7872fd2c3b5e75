namespace Ferry.Build.Profiles;

/// <summary>
/// The profile's <c>lto</c> setting as written (Cargo's <c>profiles::Lto</c>): <c>off</c>, a boolean,
/// or a named mode (<c>thin</c>, <c>fat</c>). What each unit passes to rustc is decided later from the
/// crate types of the whole graph (<see cref="Units.UnitLto"/>).
/// </summary>
public sealed record ProfileLto(string Value)
{
    public static ProfileLto Off { get; } = new("off");

    public static ProfileLto False { get; } = new("false");

    public static ProfileLto True { get; } = new("true");

    public bool IsOff => Value == "off";

    public bool IsFalse => Value == "false";

    public bool IsTrue => Value == "true";

    /// <summary>A named mode (<c>thin</c>, <c>fat</c>): anything but off and the booleans.</summary>
    public string? Named => Value is "off" or "false" or "true" ? null : Value;

    public override string ToString() => Value;
}

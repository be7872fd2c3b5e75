using Ferry.Toml;

namespace Ferry.Core.Lockfile;

/// <summary>
/// The lockfile's view of Manifest.Schema.SerdeText (serde's wording) with Rust's printable-character
/// escaping for strings. The wording serde uses in <c>invalid type: {unexpected}, expected {what}</c>, so schema errors
/// read exactly like Cargo's: <c>integer `1`</c>, <c>string "a"</c> (Rust <c>Debug</c> escaping),
/// <c>floating point `4.0`</c> (Rust <c>Display</c>, never exponent notation), <c>boolean `true`</c>,
/// <c>sequence</c>, and <c>map</c> for tables and date-times (the toml crate hands both to serde as
/// maps).
/// </summary>
internal static class SerdeText
{
    public static string Unexpected(TomlValue value) => Manifest.Schema.SerdeText.Unexpected(value, Util.Text.RustDebug.IsUnprintable);

    /// <summary>A string as Rust's <c>{:?}</c> prints it.</summary>
    public static string RustDebug(string value) => Util.Text.RustDebug.Quote(value, Util.Text.RustDebug.IsUnprintable);

    /// <summary>A float as serde's <c>Unexpected::Float</c> shows it (<c>4.0</c>, <c>0.00000000025</c>).</summary>
    public static string RustFloat(double value) => Manifest.Schema.SerdeText.FloatWithDecimalPoint(value);
}

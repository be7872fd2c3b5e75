using Ferry.Util.Text;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace Ferry.Core.Archive;

/// <summary>
/// Renders names taken from an archive for error messages. The names are attacker-controlled,
/// so they are quoted and escaped the way Rust's <c>{:?}</c> does: control characters (terminal
/// escape sequences, newlines that would forge extra log lines), bidirectional overrides and
/// invalid UTF-8 are shown as escapes instead of acting on the user's terminal.
/// </summary>
internal static class ArchiveText
{
    private const int MaxShownBytes = 200;

    public static string Quote(string text) => Quote(Encoding.UTF8.GetBytes(text));

    public static string Quote(ReadOnlySpan<byte> bytes)
    {
        var shown = bytes.Length > MaxShownBytes ? bytes[..MaxShownBytes] : bytes;
        var builder = new StringBuilder(shown.Length + 16);
        builder.Append('"');
        while (!shown.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(shown, out var rune, out var consumed) != OperationStatus.Done)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\x{shown[0]:X2}");
                shown = shown[1..];
                continue;
            }

            AppendRune(builder, rune);
            shown = shown[consumed..];
        }

        builder.Append('"');
        if (bytes.Length > MaxShownBytes)
        {
            builder.Append(CultureInfo.InvariantCulture, $"... ({bytes.Length} bytes)");
        }

        return builder.ToString();
    }

    /// <summary>A tar type flag as a character when printable, else as a hex byte.</summary>
    public static string TypeFlag(byte flag) =>
        flag is >= 0x21 and <= 0x7E ? $"'{(char)flag}'" : string.Create(CultureInfo.InvariantCulture, $"0x{flag:X2}");

    private static void AppendRune(StringBuilder builder, Rune rune) =>
        RustDebug.Append(builder, rune, static r => Rune.IsControl(r) || IsInvisibleFormatting(r.Value));

    // Zero-width characters, bidi embeddings/overrides/isolates and the BOM: these make a shown
    // name read differently from what it is ("Trojan Source").
    private static bool IsInvisibleFormatting(int value) =>
        value is >= 0x200B and <= 0x200F or >= 0x2028 and <= 0x202E or >= 0x2066 and <= 0x2069 or 0xFEFF;
}

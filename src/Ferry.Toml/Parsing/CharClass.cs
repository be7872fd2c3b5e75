using System.Buffers;

namespace Ferry.Toml.Parsing;

/// <summary>The character classes of the TOML 1.0 ABNF that the decoders test, in one place.</summary>
internal static class CharClass
{
    /// <summary>Characters that force the slow path of a basic string: controls (but tab), quote, backslash, DEL.</summary>
    public static readonly SearchValues<char> BasicSpecial = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\"\\\u007F");

    /// <summary>Characters that need a look in a literal string: controls (but tab), apostrophe, DEL.</summary>
    public static readonly SearchValues<char> LiteralSpecial = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "'\u007F");

    public static readonly SearchValues<char> BareKey =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>basic-unescaped = wschar / %x21 / %x23-5B / %x5D-7E / non-ascii</summary>
    public static bool IsBasicUnescaped(char c)
        => c == ' ' || c == '\t' || c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E) || c >= 0x80;

    /// <summary>literal-char = %x09 / %x20-26 / %x28-7E / non-ascii</summary>
    public static bool IsLiteralChar(char c)
        => c == '\t' || (c >= 0x20 && c <= 0x26) || (c >= 0x28 && c <= 0x7E) || c >= 0x80;

    /// <summary>non-eol = %x09 / %x20-7E / non-ascii</summary>
    public static bool IsCommentChar(char c) => c == '\t' || (c >= 0x20 && c <= 0x7E) || c >= 0x80;

    public static bool IsBareKeyChar(char c)
        => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';

    public static bool IsDigit(char c) => c >= '0' && c <= '9';

    public static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

using System.Text;
using Ferry.Core.Archive;

namespace Ferry.Tests.Core.Archive;

public sealed class ArchiveTextTests
{
    [Theory]
    [InlineData("foo-1.0.0/src/lib.rs", "\"foo-1.0.0/src/lib.rs\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("line\nforged: ok\r\t\0", "\"line\\nforged: ok\\r\\t\\0\"")]
    [InlineData("\u001b[2J\u007f\u0085", "\"\\u{1b}[2J\\u{7f}\\u{85}\"")]
    [InlineData("admin\u202Egnp.rs", "\"admin\\u{202e}gnp.rs\"")]
    [InlineData("zero\u200Bwidth\uFEFF", "\"zero\\u{200b}width\\u{feff}\"")]
    [InlineData("h\u00c4NS-\u00e9\U0001F600", "\"h\u00c4NS-\u00e9\U0001F600\"")]
    public void QuotesLikeRustDebug(string name, string shown)
    {
        Assert.Equal(shown, ArchiveText.Quote(name));
    }

    [Fact]
    public void InvalidUtf8IsShownAsHexEscapes()
    {
        Assert.Equal("\"a\\xFF\\xC3(\"", ArchiveText.Quote([(byte)'a', 0xFF, 0xC3, (byte)'(']));
    }

    [Fact]
    public void LongNamesAreCut()
    {
        var name = Encoding.ASCII.GetBytes(new string('x', 500));
        Assert.Equal($"\"{new string('x', 200)}\"... (500 bytes)", ArchiveText.Quote(name));
    }

    [Theory]
    [InlineData((byte)'Z', "'Z'")]
    [InlineData((byte)' ', "0x20")]
    [InlineData((byte)0xFF, "0xFF")]
    public void TypeFlagsAreShownSafely(byte flag, string shown)
    {
        Assert.Equal(shown, ArchiveText.TypeFlag(flag));
    }
}

using System.Text;
using Ferry.Core.Archive;

namespace Ferry.Tests.Core.Archive;

public sealed class TarNumberTests
{
    [Theory]
    [InlineData("0000644\0", 420)]
    [InlineData("644 \0\0\0\0", 420)]
    [InlineData("   644\0 ", 420)]
    [InlineData("00000000000\0", 0)]
    [InlineData("77777777777\0", 8589934591)]
    [InlineData("777777777777", 68719476735)]
    public void ReadsOctal(string field, long value)
    {
        Assert.Equal(TarNumberStatus.Ok, TarNumber.TryParse(Encoding.ASCII.GetBytes(field), out var parsed));
        Assert.Equal(value, parsed);
    }

    [Theory]
    [InlineData("\0\0\0\0\0\0\0\0")]
    [InlineData("        ")]
    [InlineData("12 34\0\0\0")]
    [InlineData("0000008\0")]
    [InlineData("-000001\0")]
    [InlineData("+000001\0")]
    [InlineData("0x10\0\0\0\0")]
    public void RejectsMalformedOctal(string field)
    {
        Assert.Equal(TarNumberStatus.Malformed, TarNumber.TryParse(Encoding.ASCII.GetBytes(field), out _));
    }

    [Fact]
    public void OctalNeverOverflows()
    {
        Assert.Equal(TarNumberStatus.TooLarge, TarNumber.TryParse(Encoding.ASCII.GetBytes(new string('7', 40)), out _));
        Assert.Equal(TarNumberStatus.Ok, TarNumber.TryParse(Encoding.ASCII.GetBytes("777777777777777777777"), out var max));
        Assert.Equal(long.MaxValue, max);
    }

    [Fact]
    public void ReadsBase256AndRejectsNegativeOrHugeValues()
    {
        Assert.Equal(TarNumberStatus.Ok, TarNumber.TryParse([0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x80, 0, 0, 0], out var tenGiB));
        Assert.Equal(10L << 30, tenGiB);
        Assert.Equal(TarNumberStatus.Negative, TarNumber.TryParse([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE], out _));
        Assert.Equal(TarNumberStatus.TooLarge, TarNumber.TryParse([0x80, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0], out _));
        Assert.Equal(TarNumberStatus.Ok, TarNumber.TryParse([0x80, 0, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], out var max));
        Assert.Equal(long.MaxValue, max);
    }

    [Theory]
    [InlineData(12, 0L)]
    [InlineData(12, 1_153_704_088L)]
    [InlineData(12, 8_589_934_591L)]
    [InlineData(12, 8_589_934_592L)]
    [InlineData(12, long.MaxValue)]
    [InlineData(8, 2_097_151L)]
    [InlineData(8, 2_097_152L)]
    public void WritesWhatItReads(int width, long value)
    {
        var field = new byte[width];
        TarNumber.Write(field, value);
        Assert.Equal(TarNumberStatus.Ok, TarNumber.TryParse(field, out var parsed));
        Assert.Equal(value, parsed);
        Assert.Equal(value >= 1L << (3 * (width - 1)), (field[0] & 0x80) != 0);
    }
}

using System.Text;
using Ferry.Core.Archive;

namespace Ferry.Tests.Core.Archive;

public sealed class Crc32Tests
{
    [Fact]
    public void MatchesTheStandardCheckValue()
    {
        Assert.Equal(0xCBF43926u, Crc32.Append(0, "123456789"u8));
        Assert.Equal(0u, Crc32.Append(0, []));
        Assert.Equal(0x414FA339u, Crc32.Append(0, Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog")));
    }

    [Fact]
    public void FoldingAgreesWithTheTablesForEveryLengthAndSplit()
    {
        // This machine has PCLMULQDQ, so the folding path is exercised, not just the fallback.
        Assert.True(System.Runtime.Intrinsics.X86.Pclmulqdq.IsSupported || !System.Runtime.Intrinsics.X86.X86Base.IsSupported);
        var data = new byte[4096 + 77];
        new Random(12345).NextBytes(data);
        for (var length = 128; length < 700; length++)
        {
            Assert.Equal(Crc32.AppendTable(0, data.AsSpan(0, length)), Crc32.Append(0, data.AsSpan(0, length)));
            Assert.Equal(Crc32.AppendTable(0xDEADBEEF, data.AsSpan(0, length)), Crc32.Append(0xDEADBEEF, data.AsSpan(0, length)));
        }

        var whole = Crc32.AppendTable(0, data);
        Assert.Equal(whole, Crc32.Append(0, data));
        foreach (var split in new[] { 1, 127, 128, 129, 1000, 4000 })
        {
            Assert.Equal(whole, Crc32.Append(Crc32.Append(0, data.AsSpan(0, split)), data.AsSpan(split)));
        }
    }
}

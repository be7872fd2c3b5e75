using Ferry.Ops;

namespace Ferry.Tests.Ops;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(0L, "0B")]
    [InlineData(8L, "8B")]
    [InlineData(1000L, "1000B")]
    [InlineData(1024L, "1.0KiB")]
    [InlineData(1024L * 420 + 512, "420.5KiB")]
    [InlineData(1024L * 1024 + 1024 * 256, "1.2MiB")]
    [InlineData(34509L, "33.7KiB")]
    [InlineData(9018000L, "8.6MiB")]
    public void PrintsCargosSizes(long bytes, string expected) => Assert.Equal(expected, ByteSize.Human(bytes));
}

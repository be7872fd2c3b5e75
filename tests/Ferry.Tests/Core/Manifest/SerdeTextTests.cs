using Ferry.Core.Manifest.Schema;

namespace Ferry.Tests.Core.Manifest;

/// <summary>Number and string renderings that must match Rust's (serde messages) and serde_json's (metadata output).</summary>
public sealed class SerdeTextTests
{
    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(1.0, "1.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(1e100, "1e+100")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e16, "1.5e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "0.00001")]
    [InlineData(0.000001, "1e-6")]
    [InlineData(3.14159, "3.14159")]
    public void JsonFloatsLikeSerdeJson(double value, string expected) => Assert.Equal(expected, SerdeText.JsonFloat(value));

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(1.0, "1.0")]
    [InlineData(1e20, "100000000000000000000.0")]
    [InlineData(1e-7, "0.0000001")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NaN, "NaN")]
    public void FloatsInMessagesLikeRust(double value, string expected) => Assert.Equal(expected, SerdeText.FloatWithDecimalPoint(value));

    [Theory]
    [InlineData("x", "\"x\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("line\nbreak\ttab", "\"line\\nbreak\\ttab\"")]
    [InlineData("\u0001", "\"\\u{1}\"")]
    [InlineData("ünïcödé", "\"ünïcödé\"")]
    public void StringsLikeRustDebug(string value, string expected) => Assert.Equal(expected, SerdeText.RustDebugString(value));
}

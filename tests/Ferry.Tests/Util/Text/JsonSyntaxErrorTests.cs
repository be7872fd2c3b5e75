using System.Text;
using Ferry.Util.Text;

namespace Ferry.Tests.Util.Text;

/// <summary>
/// serde_json's wording and positions. The config.json cases of the testsuite's
/// ResolveBadInputTests check the same texts against cargo itself.
/// </summary>
public sealed class JsonSyntaxErrorTests
{
    [Theory]
    [InlineData("{ this is not json", "key must be a string at line 1 column 3")]
    [InlineData("", "EOF while parsing a value at line 1 column 0")]
    [InlineData("{\"dl\": \"http://x/\"", "EOF while parsing an object at line 1 column 18")]
    [InlineData("{\"dl\": \"http://x/\",}", "trailing comma at line 1 column 20")]
    [InlineData("{\"dl\": \"http://\\q\"}", "invalid escape at line 1 column 17")]
    [InlineData("{\"dl\" \"http://x/\"}", "expected `:` at line 1 column 7")]
    [InlineData("{\n  \"dl\": \"http://x/\",\n  ", "EOF while parsing a value at line 3 column 2")]
    [InlineData("[1, 2", "EOF while parsing a list at line 1 column 5")]
    [InlineData("[1 2]", "expected `,` or `]` at line 1 column 4")]
    [InlineData("{\"a\": 1 \"b\"}", "expected `,` or `}` at line 1 column 9")]
    [InlineData("[01]", "invalid number at line 1 column 3")]
    [InlineData("[nul]", "expected ident at line 1 column 5")]
    [InlineData("\"a\u0001\"", "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3")]
    [InlineData("{} x", "trailing characters at line 1 column 4")]
    [InlineData("@", "expected value at line 1 column 1")]
    public void DescribesTheFirstError(string json, string expected) =>
        Assert.Equal(expected, JsonSyntaxError.Describe(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("{}")]
    [InlineData(" {\"dl\": \"https://x/{crate}\", \"api\": null, \"auth-required\": true, \"n\": [1.5e3, -0, true, false, \"\\u00e9\"]} \n")]
    public void AcceptsWellFormedJson(string json) => Assert.Null(JsonSyntaxError.Describe(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void StopsAtSerdesRecursionLimit()
    {
        Assert.Null(JsonSyntaxError.Describe(Encoding.UTF8.GetBytes(new string('[', 127) + new string(']', 127))));
        Assert.Equal("recursion limit exceeded at line 1 column 128", JsonSyntaxError.Describe(Encoding.UTF8.GetBytes(new string('[', 128) + new string(']', 128))));
    }

    [Fact]
    public void DeepInputIsNotARecursionHazard() =>
        Assert.StartsWith("recursion limit exceeded", JsonSyntaxError.Describe(Encoding.UTF8.GetBytes(new string('[', 1_000_000))), StringComparison.Ordinal);
}

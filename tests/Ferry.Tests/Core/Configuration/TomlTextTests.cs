using System.Collections.Immutable;
using Ferry.Core.Configuration;

namespace Ferry.Tests.Core.Configuration;

/// <summary>String and value rendering, checked against what <c>cargo config get</c> prints (toml_writer's choices).</summary>
public sealed class TomlTextTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("has \"dq\"", "'has \"dq\"'")]
    [InlineData("has 'sq'", "\"has 'sq'\"")]
    [InlineData("both ' and \"", "\"\"\"both ' and \"\"\"\"")]
    [InlineData("back\\slash", "'back\\slash'")]
    [InlineData("new\nline", "\"\"\"\nnew\nline\"\"\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("ctl\u0001x", "\"ctl\\u0001x\"")]
    [InlineData("new\nline with \"\"\" triple", "'''\nnew\nline with \"\"\" triple'''")]
    [InlineData("new\nline with ''' triple and \\", "\"\"\"\nnew\nline with ''' triple and \\\\\"\"\"")]
    [InlineData("", "\"\"")]
    [InlineData("ünï", "\"ünï\"")]
    [InlineData("del\u007f", "\"del\\u007F\"")]
    [InlineData("cr\r\n", "\"\"\"\ncr\\r\n\"\"\"")]
    public void StringsUseCargosStyle(string value, string expected)
    {
        Assert.Equal(expected, TomlText.String(value));
    }

    [Theory]
    [InlineData("bare-key_1", "bare-key_1")]
    [InlineData("a b", "\"a b\"")]
    [InlineData("k\"q", "'k\"q'")]
    [InlineData("", "\"\"")]
    public void KeysAreBareWhenPossible(string key, string expected)
    {
        Assert.Equal(expected, TomlText.Key(key));
    }

    [Fact]
    public void ArraysAndInlineTablesMatchTomlEdit()
    {
        var d = Definition.BuiltIn;
        var table = new ConfigTable(
            ConfigTable.EmptyEntries.Add("path", new ConfigString("x.toml", d)).Add("optional", new ConfigBoolean(true, d)),
            d);
        var list = new ConfigList([new ConfigInteger(-5, d), table, ConfigTable.Empty(d), new ConfigList([], d)], d);
        Assert.Equal("[-5, { optional = true, path = \"x.toml\" }, {}, []]", TomlText.Value(list));
    }
}

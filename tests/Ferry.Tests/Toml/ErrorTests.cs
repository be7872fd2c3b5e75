using Ferry.Toml;

namespace Ferry.Tests.Toml;

/// <summary>The pieces of <see cref="TomlParseException"/> and both renderings (toml-rs's and cargo's).</summary>
public sealed class ErrorTests
{
    private const string Manifest = "[package]\nname = \"x\"\nversion = \"1.0.0\"\na = 1 b = 2\n";

    [Fact]
    public void PiecesAndTomlRsRendering()
    {
        var error = Assert.Throws<TomlParseException>(() => TomlDocument.Parse(Manifest));
        Assert.Equal("unexpected key or value, expected newline, `#`", error.Reason);
        Assert.Equal(4, error.Line);
        Assert.Equal(9, error.Column);
        Assert.Equal("a = 1 b = 2", error.SourceLine);
        Assert.Equal(1, error.CaretLength);
        Assert.Equal(new TomlSpan(47, 0), error.Span);
        Assert.Equal("""
            TOML parse error at line 4, column 9
              |
            4 | a = 1 b = 2
              |         ^
            unexpected key or value, expected newline, `#`

            """, error.Render());
        Assert.Equal(error.Render(), error.Message);
    }

    [Fact]
    public void PiecesRenderTheWayCargoPrintsThem()
    {
        var error = Assert.Throws<TomlParseException>(() => TomlDocument.Parse(Manifest));
        Assert.Equal("""
            error: unexpected key or value, expected newline, `#`
             --> Cargo.toml:4:9
              |
            4 | a = 1 b = 2
              |         ^
            """, CargoStyle("Cargo.toml", error));
    }

    [Fact]
    public void DuplicateKeyPointsAtTheWholeKey()
    {
        var error = Assert.Throws<TomlParseException>(() => TomlDocument.Parse("[dependencies]\r\nserde = \"1\"\r\nserde = \"2\"\r\n"));
        Assert.Equal("duplicate key", error.Reason);
        Assert.Equal((3, 1, 5), (error.Line, error.Column, error.CaretLength));
        Assert.Equal("serde = \"2\"", error.SourceLine);
    }

    [Fact]
    public void ErrorAtTheEndOfTheInput()
    {
        var error = Assert.Throws<TomlParseException>(() => TomlDocument.Parse("a = [1,\n"));
        Assert.Equal("unclosed array, expected `]`", error.Reason);
        // toml-rs places an error at the very end after the last character of the last line.
        Assert.Equal((1, 8), (error.Line, error.Column));
    }

    [Fact]
    public void ErrorWithoutPosition()
    {
        var error = Assert.Throws<TomlParseException>(() => TomlDocument.Parse(string.Join('.', Enumerable.Repeat("a", 200)) + " = 1"));
        Assert.Equal("recursion limit", error.Reason);
        Assert.Null(error.Span);
        Assert.Equal(0, error.Line);
        Assert.Equal("recursion limit\n", error.Render());
    }

    [Theory]
    [InlineData("a = { b = 1,\n c = 2 }", "newlines are not allowed in inline tables in TOML 1.0, expected key")]
    [InlineData("a = { b = 1, }", "trailing comma in inline table is not allowed in TOML 1.0, expected key")]
    [InlineData("a = \"\\e\"", "unsupported escape sequence in TOML 1.0, expected `b`, `f`, `n`, `r`, `t`, `\\`, `\"`, `u`, `U`")]
    [InlineData("a = \"\\x41\"", "unsupported escape sequence in TOML 1.0, expected `b`, `f`, `n`, `r`, `t`, `\\`, `\"`, `u`, `U`")]
    [InlineData("a = 10:30", "invalid time, expected `:` (MM:SS)")]
    public void Toml11FeaturesAreRejectedUnlessEnabled(string toml, string reason)
    {
        Assert.Equal(reason, Assert.Throws<TomlParseException>(() => TomlDocument.Parse(toml)).Reason);
        var document = TomlDocument.Parse(toml, TomlParseOptions.Toml11);
        Assert.Equal(toml, document.ToString());
    }

    [Fact]
    public void Toml11ValuesDecode()
    {
        var root = TomlDocument.Parse("a = \"\\e\\x41\"\nt = { x = 1, # c\n  y = 2, }\n", TomlParseOptions.Toml11).Root;
        Assert.Equal("\u001bA", ((TomlString)root["a"]).Value);
        Assert.Equal(2, ((TomlTable)root["t"]).Count);
    }

    /// <summary>How a caller renders cargo's form from the pieces.</summary>
    private static string CargoStyle(string path, TomlParseException error)
    {
        string line = error.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string gutter = new(' ', line.Length);
        return $"error: {error.Reason}\n{gutter}--> {path}:{error.Line}:{error.Column}\n{gutter} |\n{line} | {error.SourceLine}\n{gutter} |{new string(' ', error.Column)}{new string('^', error.CaretLength)}";
    }
}

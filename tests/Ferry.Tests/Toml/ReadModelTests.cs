using Ferry.Toml;

namespace Ferry.Tests.Toml;

/// <summary>The read side: value kinds, typed accessors, spans and positions for diagnostics.</summary>
public sealed class ReadModelTests
{
    private const string Manifest = """
        [package]
        name = "demo"
        version = 1
        authors = ["a", 'b']
        keywords.first = "x"

        [dependencies]
        serde = { version = "1", features = ["derive"] }

        [target.'cfg(unix)'.dependencies]
        libc = "0.2"

        [[bin]]
        name = "one"

        [[bin]]
        name = "two"
        """;

    [Fact]
    public void TypedAccessors()
    {
        var root = TomlDocument.Parse(Manifest).Root;
        Assert.True(root.TryGetTable("package", out var package));
        Assert.True(package.TryGetString("name", out string? name));
        Assert.Equal("demo", name);
        Assert.False(package.TryGetString("version", out _));
        Assert.True(package.TryGetInteger("version", out long version));
        Assert.Equal(1, version);
        Assert.True(package.TryGetArray("authors", out var authors));
        Assert.Equal(new[] { "a", "b" }, authors.Select(a => ((TomlString)a).Value));
        Assert.Equal(TomlStringStyle.Literal, ((TomlString)authors[1]).Style);
        Assert.Null(package.Get("missing"));
        Assert.Throws<KeyNotFoundException>(() => package["missing"]);
        Assert.Equal(new[] { "name", "version", "authors", "keywords" }, package.Keys);
        Assert.True(root.TryGetArrayOfTables("bin", out var bins));
        Assert.Equal(new[] { "one", "two" }, bins.Select(b => ((TomlString)b["name"]).Value));
        var serde = (TomlTable)((TomlTable)root["dependencies"])["serde"];
        Assert.Equal(new[] { "version", "features" }, serde.Select(kv => kv.Key));
    }

    [Fact]
    public void TableKinds()
    {
        var root = TomlDocument.Parse(Manifest).Root;
        Assert.Equal(TomlTableKind.Root, root.TableKind);
        Assert.Equal(TomlTableKind.Header, ((TomlTable)root["package"]).TableKind);
        Assert.Equal(TomlTableKind.Dotted, ((TomlTable)((TomlTable)root["package"])["keywords"]).TableKind);
        Assert.Equal(TomlTableKind.Inline, ((TomlTable)((TomlTable)root["dependencies"])["serde"]).TableKind);
        Assert.Equal(TomlTableKind.Implicit, ((TomlTable)root["target"]).TableKind);
        Assert.Equal(TomlTableKind.ArrayElement, ((TomlArrayOfTables)root["bin"])[0].TableKind);
        Assert.Equal(TomlValueKind.ArrayOfTables, root["bin"].Kind);
        Assert.Equal(TomlValueKind.Array, ((TomlTable)root["package"])["authors"].Kind);
        Assert.Equal(new[] { "target", "cfg(unix)", "dependencies" }, ((TomlTable)((TomlTable)((TomlTable)root["target"])["cfg(unix)"])["dependencies"]).Path);
    }

    [Fact]
    public void SpansPointAtValuesAndKeys()
    {
        var document = TomlDocument.Parse(Manifest);
        var package = (TomlTable)document.Root["package"];
        var version = package["version"];
        Assert.Equal(new TomlPosition(3, 11), document.GetPosition(version.Span!.Value.Start));
        // What a manifest loader needs for `invalid type: integer `1`, expected a string --> Cargo.toml:3:11`.
        Assert.Equal(new TomlSnippet(3, 11, "version = 1", 1), document.GetSnippet(version.Span.Value));
        var key = package.GetKey("authors")!;
        Assert.Equal(new TomlSnippet(4, 1, "authors = [\"a\", 'b']", 7), document.GetSnippet(key.Span!.Value));
        var authors = (TomlArray)package["authors"];
        Assert.Equal("['b']", "[" + document.Source.Substring(authors[1].Span!.Value.Start, authors[1].Span!.Value.Length) + "]");
        Assert.Equal("[\"a\", 'b']", document.Source.Substring(authors.Span!.Value.Start, authors.Span.Value.Length));
        var header = (TomlTable)document.Root["dependencies"];
        Assert.Equal(new TomlPosition(7, 1), document.GetPosition(header.Span!.Value.Start));
        Assert.Equal("[dependencies]", document.Source.Substring(header.Span.Value.Start, header.Span.Value.Length));
    }

    [Fact]
    public void ColumnsCountCharactersNotCodeUnits()
    {
        var document = TomlDocument.Parse("emoji = \"😀\" # x\r\nb = 2\r\n");
        var b = document.Root["b"];
        Assert.Equal(new TomlPosition(2, 5), document.GetPosition(b.Span!.Value.Start));
        int hash = document.Source.IndexOf('#');
        Assert.Equal(new TomlPosition(1, 13), document.GetPosition(hash));
        Assert.Equal("b = 2", document.GetSnippet(b.Span.Value).LineText);
    }

    [Fact]
    public void Numbers()
    {
        var root = TomlDocument.Parse("""
            hex = 0xDEAD_beef
            oct = 0o755
            bin = 0b1101
            big = 9_223_372_036_854_775_807
            small = -9223372036854775808
            f = 6.626e-34
            nz = -0.0
            pinf = +inf
            ninf = -inf
            nan = nan
            """).Root;
        Assert.Equal(0xDEADBEEF, ((TomlInteger)root["hex"]).Value);
        Assert.Equal("0xDEAD_beef", ((TomlInteger)root["hex"]).Raw);
        Assert.Equal(493, ((TomlInteger)root["oct"]).Value);
        Assert.Equal(13, ((TomlInteger)root["bin"]).Value);
        Assert.Equal(long.MaxValue, ((TomlInteger)root["big"]).Value);
        Assert.Equal(long.MinValue, ((TomlInteger)root["small"]).Value);
        Assert.Equal(6.626e-34, ((TomlFloat)root["f"]).Value);
        Assert.True(double.IsNegative(((TomlFloat)root["nz"]).Value) && ((TomlFloat)root["nz"]).Value == 0);
        Assert.Equal(double.PositiveInfinity, ((TomlFloat)root["pinf"]).Value);
        Assert.Equal(double.NegativeInfinity, ((TomlFloat)root["ninf"]).Value);
        Assert.True(double.IsNaN(((TomlFloat)root["nan"]).Value));
    }

    [Fact]
    public void DatesAndTimes()
    {
        var root = TomlDocument.Parse("""
            odt = 1979-05-27 07:32:00.999999999999-07:00
            z = 1979-05-27t07:32:00z
            ldt = 1979-05-27T00:32:00.5
            ld = 2024-02-29
            lt = 23:59:60
            """).Root;
        var odt = (TomlDateTime)root["odt"];
        Assert.Equal(TomlDateTimeKind.OffsetDateTime, odt.DateTimeKind);
        Assert.Equal("1979-05-27 07:32:00.999999999999-07:00", odt.Raw);
        Assert.Equal("999999999999", odt.Fraction);
        Assert.Equal(999_999_999, odt.Nanosecond);
        Assert.Equal(-420, odt.OffsetMinutes);
        Assert.Equal(new DateTimeOffset(1979, 5, 27, 7, 32, 0, TimeSpan.FromHours(-7)).AddTicks(9_999_999), odt.ToDateTimeOffset());
        Assert.Equal("1979-05-27T07:32:00.999999999999-07:00", odt.ToCanonicalString());
        var z = (TomlDateTime)root["z"];
        Assert.True(z.IsZulu);
        Assert.Equal("1979-05-27T07:32:00Z", z.ToCanonicalString());
        Assert.Equal(TomlDateTimeKind.LocalDateTime, ((TomlDateTime)root["ldt"]).DateTimeKind);
        Assert.Equal(new DateOnly(2024, 2, 29), ((TomlDateTime)root["ld"]).ToDateOnly());
        var lt = (TomlDateTime)root["lt"];
        Assert.Equal(TomlDateTimeKind.LocalTime, lt.DateTimeKind);
        Assert.Equal(60, lt.Second);
    }

    [Theory]
    [InlineData("d = 2023-02-29", "invalid date, expected day between 01 and 28")]
    [InlineData("d = 2100-02-29", "invalid date, expected day between 01 and 28")]
    [InlineData("d = 2023-04-31", "invalid date, expected day between 01 and 30")]
    [InlineData("d = 2023-13-01", "invalid date, expected month between 01 and 12")]
    [InlineData("d = 24:00:00", "invalid time, expected hour between 00 and 23")]
    [InlineData("d = 23:60:00", "invalid time, expected minute between 00 and 59")]
    [InlineData("d = 23:59:61", "invalid time, expected second between 00 and 60")]
    [InlineData("d = 2023-01-01T10:00:00+24:00", "invalid offset, expected hours between 00 and 23")]
    [InlineData("d = 23:59", "invalid time, expected `:` (MM:SS)")]
    public void InvalidDates(string toml, string reason)
    {
        var error = Assert.Throws<TomlParseException>(() => TomlDocument.Parse(toml));
        Assert.Equal(reason, error.Reason);
        Assert.Equal(1, error.Line);
        Assert.Equal(5, error.Column);
    }

    [Fact]
    public void Toml11TimesWithoutSecondsWhenEnabled()
    {
        var value = (TomlDateTime)TomlDocument.Parse("t = 07:32\n", TomlParseOptions.Toml11).Root["t"];
        Assert.False(value.HasSeconds);
        Assert.Equal("07:32:00", value.ToCanonicalString());
    }

    [Fact]
    public void StringsDecode()
    {
        var root = TomlDocument.Parse(""""
            basic = "tab\tquote\"nl\nuni\u00e9\U0001F600"
            literal = 'C:\path\n'
            ml = """
            line one \
                  continued
            line "two" """
            mll = '''
            raw \n '' '''
            """").Root;
        Assert.Equal("tab\tquote\"nl\nunié😀", ((TomlString)root["basic"]).Value);
        Assert.Equal("C:\\path\\n", ((TomlString)root["literal"]).Value);
        Assert.Equal("line one continued\nline \"two\" ", ((TomlString)root["ml"]).Value);
        Assert.Equal("raw \\n '' ", ((TomlString)root["mll"]).Value);
        Assert.Equal(TomlStringStyle.MultiLineBasic, ((TomlString)root["ml"]).Style);
    }

    [Fact]
    public void ParseFromBytesValidatesUtf8()
    {
        var ok = TomlDocument.Parse("\uFEFFa = \"é\"\n"u8.ToArray());
        Assert.Equal("é", ((TomlString)ok.Root["a"]).Value);
        Assert.Equal("\uFEFFa = \"é\"\n", ok.ToString());

        var bad = Assert.Throws<TomlParseException>(() => TomlDocument.Parse([(byte)'a', (byte)' ', (byte)'=', (byte)' ', 0xC3, (byte)'\n']));
        Assert.Equal("invalid utf-8 sequence of 1 bytes from index 4", bad.Reason);
        Assert.Equal("invalid utf-8 sequence of 1 bytes from index 4\n", bad.Message);
        Assert.Equal(1, bad.Line);
        Assert.Equal(5, bad.Column);
        var truncated = Assert.Throws<TomlParseException>(() => TomlDocument.Parse([(byte)'#', 0xE2, 0x82]));
        Assert.Equal("incomplete utf-8 byte sequence from index 1", truncated.Reason);

        // A .NET string can hold what no UTF-8 file can.
        var lone = Assert.Throws<TomlParseException>(() => TomlDocument.Parse("a = \"\uD800\"\n"));
        Assert.Equal((1, 6), (lone.Line, lone.Column));
        Assert.Equal("😀", ((TomlString)TomlDocument.Parse("a = \"😀\"").Root["a"]).Value);
    }
}

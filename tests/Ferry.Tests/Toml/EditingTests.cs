using Ferry.Toml;

namespace Ferry.Tests.Toml;

/// <summary>
/// Edits through the document model. Every test compares the whole output, so any change to an untouched
/// comment, blank line or spacing fails it.
/// </summary>
public sealed class EditingTests
{
    private static TomlTable Table(TomlDocument document, string key) => (TomlTable)document.Root[key];

    [Fact]
    public void ReplacingAValueKeepsKeyDecorAndTrailingComment()
    {
        var document = TomlDocument.Parse("""
            # The package
            [package]
            name = "foo"   # the name
            version    =   "0.1.0"
            edition = "2018" # old
            """);
        var package = Table(document, "package");
        package.Set("name", "bar");
        package.Set("version", "0.2.0");
        package.Set("edition", new TomlArray { new TomlInteger(2021) });
        Assert.Equal("""
            # The package
            [package]
            name = "bar"   # the name
            version    =   "0.2.0"
            edition = [2021] # old
            """, document.ToString());
    }

    [Fact]
    public void NewKeyGoesAfterTheLastKeyOfItsTable()
    {
        var document = TomlDocument.Parse("""
            # top
            [package]
            name = "foo"
            # about dependencies

            [dependencies]
            serde = "1"

            """);
        Table(document, "package").Set("edition", "2021");
        Table(document, "dependencies").Set("rand", "0.8");
        Assert.Equal("""
            # top
            [package]
            name = "foo"
            edition = "2021"
            # about dependencies

            [dependencies]
            serde = "1"
            rand = "0.8"

            """, document.ToString());
    }

    [Fact]
    public void NewKeyCopiesTheIndentationOfItsNeighbour()
    {
        var document = TomlDocument.Parse("[a]\n    x = 1\n");
        Table(document, "a").Set("y", 2L);
        Assert.Equal("[a]\n    x = 1\n    y = 2\n", document.ToString());
    }

    [Fact]
    public void NewKeyInARootWithoutKeysGoesFirst()
    {
        var document = TomlDocument.Parse("# header comment\n[package]\nname = \"x\"\n");
        document.Root.Set("cargo-features", new TomlArray { new TomlString("edition2024") });
        Assert.Equal("cargo-features = [\"edition2024\"]\n# header comment\n[package]\nname = \"x\"\n", document.ToString());
    }

    [Fact]
    public void InsertingAtAnIndexPutsTheLineBeforeThatKeysComments()
    {
        // cargo add keeps a sorted dependency table sorted: the new line goes before `# Before your-face`.
        const string Input = """
            [dependencies]
            # Before your-face
            your-face = { version = "99999.0.0", features = ["eyes"] }  # After your-face
            # End

            """;
        var document = TomlDocument.Parse(Input);
        var dependencies = Table(document, "dependencies");
        dependencies.Insert(0, "unrelateed-crate", new TomlString("99999.0.0"));
        var features = (TomlArray)((TomlTable)dependencies["your-face"])["features"];
        features.Insert(0, new TomlString("ears"));
        features.Add("mouth");
        features.Add("nose");
        Assert.Equal("""
            [dependencies]
            unrelateed-crate = "99999.0.0"
            # Before your-face
            your-face = { version = "99999.0.0", features = ["ears", "eyes", "mouth", "nose"] }  # After your-face
            # End

            """, document.ToString());
    }

    [Fact]
    public void KeysAddedToAFileWithoutFinalNewlineGetTheirOwnLine()
    {
        var document = TomlDocument.Parse("a = 1");
        document.Root.Set("b", 2L);
        Assert.Equal("a = 1\nb = 2\n", document.ToString());
    }

    [Fact]
    public void NewLinesFollowTheDocumentsLineEndings()
    {
        var document = TomlDocument.Parse("[a]\r\nx = 1\r\n");
        Table(document, "a").Set("y", 2L);
        document.Root.AddTable("b").Set("z", 3L);
        Assert.Equal("[a]\r\nx = 1\r\ny = 2\r\n\r\n[b]\r\nz = 3\r\n", document.ToString());
    }

    [Fact]
    public void InsertIntoInlineTable()
    {
        var document = TomlDocument.Parse("""
            [dependencies]
            serde = { version = "1", features = ["derive"] }  # keep
            empty = {}
            tight = {a=1}
            """);
        var dependencies = Table(document, "dependencies");
        ((TomlTable)dependencies["serde"]).Set("optional", true);
        ((TomlTable)dependencies["empty"]).Set("path", "../empty");
        ((TomlTable)dependencies["tight"]).Set("b", 2L);
        Assert.Equal("""
            [dependencies]
            serde = { version = "1", features = ["derive"], optional = true }  # keep
            empty = { path = "../empty" }
            tight = {a=1, b = 2}
            """, document.ToString());
    }

    [Fact]
    public void RemoveFromInlineTable()
    {
        var document = TomlDocument.Parse("a = { version = \"1\", optional = true, path = \"x\" }\n");
        var a = Table(document, "a");
        Assert.True(a.Remove("optional"));
        Assert.Equal("a = { version = \"1\", path = \"x\" }\n", document.ToString());
        Assert.True(a.Remove("path"));
        Assert.Equal("a = { version = \"1\" }\n", document.ToString());
        Assert.True(a.Remove("version"));
        Assert.Equal("a = {}\n", document.ToString());
        Assert.False(a.Remove("version"));
    }

    [Fact]
    public void NewInlineTableValues()
    {
        var document = TomlDocument.Parse("[dependencies]\n");
        var dependency = new TomlTable
        {
            { "version", new TomlString("1.0") },
            { "features", new TomlArray { new TomlString("a"), new TomlString("b") } },
        };
        Table(document, "dependencies").Set("serde", dependency);
        Assert.Equal("[dependencies]\nserde = { version = \"1.0\", features = [\"a\", \"b\"] }\n", document.ToString());
    }

    [Fact]
    public void NewTableGoesAfterTheLastTableOfItsParent()
    {
        var document = TomlDocument.Parse("""
            [a]
            x = 1

            [a.b]
            y = 2

            [c]
            z = 3

            """);
        Table(document, "a").AddTable("d").Set("w", 4L);
        document.Root.AddTable("e");
        Assert.Equal("""
            [a]
            x = 1

            [a.b]
            y = 2

            [a.d]
            w = 4

            [c]
            z = 3

            [e]

            """, document.ToString());
    }

    [Fact]
    public void NewTableKeysAreQuotedWhenNeeded()
    {
        var document = TomlDocument.Parse("[package]\nname = \"x\"\n");
        document.Root.AddTable("target").AddTable("cfg(unix)").AddTable("dependencies").Set("libc", "0.2");
        Assert.Equal("[package]\nname = \"x\"\n\n[target]\n\n[target.\"cfg(unix)\"]\n\n[target.\"cfg(unix)\".dependencies]\nlibc = \"0.2\"\n", document.ToString());
    }

    [Fact]
    public void ImplicitParentTablesGetNoHeaderLine()
    {
        var document = TomlDocument.Parse("[package]\nname = \"x\"\n\n[features]\n");
        var target = document.Root.AddTable("target", implicitHeader: true);
        Assert.Equal(TomlTableKind.Implicit, target.TableKind);
        target.AddTable("cfg(unix)", implicitHeader: true).AddTable("dependencies").Set("libc", "0.2");
        Assert.Equal("[package]\nname = \"x\"\n\n[features]\n\n[target.\"cfg(unix)\".dependencies]\nlibc = \"0.2\"\n", document.ToString());
        Assert.Equal("0.2", ((TomlString)((TomlTable)((TomlTable)((TomlTable)document.Root["target"])["cfg(unix)"])["dependencies"])["libc"]).Value);
    }

    [Fact]
    public void AppendArrayOfTablesElement()
    {
        var document = TomlDocument.Parse("""
            [[bin]]
            name = "a"

            [[bin]]
            name = "b"

            [features]
            default = []
            """);
        document.Root.AppendArrayElement("bin").Set("name", "c");
        document.Root.AppendArrayElement("example").Set("name", "e");
        Assert.Equal("""
            [[bin]]
            name = "a"

            [[bin]]
            name = "b"

            [[bin]]
            name = "c"

            [features]
            default = []

            [[example]]
            name = "e"

            """, document.ToString());
        Assert.Equal(3, ((TomlArrayOfTables)document.Root["bin"]).Count);
    }

    [Fact]
    public void InitStyleDocumentFromScratch()
    {
        var document = TomlDocument.CreateEmpty();
        var package = document.Root.AddTable("package");
        package.Set("name", "hello");
        package.Set("version", "0.1.0");
        package.Set("edition", "2024");
        document.Root.AddTable("dependencies");
        Assert.Equal("""
            [package]
            name = "hello"
            version = "0.1.0"
            edition = "2024"

            [dependencies]

            """, document.ToString());
    }

    [Fact]
    public void RemoveKeyTakesItsCommentLinesAndLeavesNeighbours()
    {
        var document = TomlDocument.Parse("""
            [dependencies]
            a = "1" # about a
            # b is important
            b = "2"  # trailing b
            c = "3"

            [dev-dependencies]
            d = "4"
            """);
        Assert.True(Table(document, "dependencies").Remove("b"));
        Assert.False(Table(document, "dependencies").Remove("b"));
        Assert.Equal("""
            [dependencies]
            a = "1" # about a
            c = "3"

            [dev-dependencies]
            d = "4"
            """, document.ToString());
    }

    [Fact]
    public void RemoveLastKeyOfFileWithoutFinalNewline()
    {
        var document = TomlDocument.Parse("a = 1\nb = 2");
        document.Root.Remove("b");
        Assert.Equal("a = 1\n", document.ToString());
    }

    [Fact]
    public void RemoveTableWithItsSubTables()
    {
        var document = TomlDocument.Parse("""
            [package]
            name = "x"

            # Test-only dependencies
            [dev-dependencies]
            a = "1"

            [dev-dependencies.b]
            version = "2"

            [features]
            default = []

            """);
        Assert.True(document.Root.Remove("dev-dependencies"));
        Assert.Equal("""
            [package]
            name = "x"

            [features]
            default = []

            """, document.ToString());
        Assert.False(document.Root.ContainsKey("dev-dependencies"));
    }

    [Fact]
    public void RemoveArrayOfTables()
    {
        var document = TomlDocument.Parse("[[bin]]\nname = \"a\"\n\n[lib]\npath = \"l\"\n\n[[bin]]\nname = \"b\"\n");
        Assert.True(document.Root.Remove("bin"));
        // Like toml_edit (and so cargo), the blank line that separated [lib] from what came before stays.
        Assert.Equal("\n[lib]\npath = \"l\"\n", document.ToString());
    }

    [Fact]
    public void DottedKeysAreEditedAsDottedKeys()
    {
        var document = TomlDocument.Parse("""
            [package]
            name = "x"
            version.workspace = true
            edition.workspace = true
            """);
        var package = Table(document, "package");
        var version = (TomlTable)package["version"];
        Assert.Equal(TomlTableKind.Dotted, version.TableKind);
        version.Set("extra", 1L);
        Assert.True(package.Remove("edition"));
        package.Set("version", "1.0.0");
        Assert.Equal("""
            [package]
            name = "x"
            version = "1.0.0"

            """, document.ToString());
    }

    [Fact]
    public void AddingAKeyToADottedTable()
    {
        var document = TomlDocument.Parse("a.b = 1\nc = 2\n");
        ((TomlTable)document.Root["a"]).Set("d", 3L);
        Assert.Equal("a.b = 1\na.d = 3\nc = 2\n", document.ToString());
    }

    [Fact]
    public void AddingAKeyToAnImplicitTableGivesItAHeader()
    {
        var document = TomlDocument.Parse("[a.b]\nx = 1\n");
        var a = Table(document, "a");
        Assert.Equal(TomlTableKind.Implicit, a.TableKind);
        a.Set("y", 2L);
        Assert.Equal(TomlTableKind.Header, a.TableKind);
        Assert.Equal("[a]\ny = 2\n[a.b]\nx = 1\n", document.ToString());
    }

    [Fact]
    public void ReplacingATableWithAValueRemovesItsSection()
    {
        var document = TomlDocument.Parse("[package]\nname = \"x\"\n\n[lints]\nworkspace = true\n");
        document.Root.Set("lints", new TomlTable { { "workspace", new TomlBoolean(true) } });
        Assert.Equal("lints = { workspace = true }\n[package]\nname = \"x\"\n", document.ToString());
    }

    [Fact]
    public void StringsAreQuotedAndEscaped()
    {
        var document = TomlDocument.Parse("");
        document.Root.Set("s", "quote \" backslash \\ newline \n tab \t bell \u0007 del \u007f é ✓");
        document.Root.Set("key with space", 1L);
        document.Root.Set("f", 1.0);
        document.Root.Set("g", double.NegativeInfinity);
        document.Root.Set("d", TomlDateTime.Parse("1979-05-27T07:32:00Z"));
        Assert.Equal(
            "s = \"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 del \\u007F é ✓\"\n" +
            "\"key with space\" = 1\n" +
            "f = 1.0\n" +
            "g = -inf\n" +
            "d = 1979-05-27T07:32:00Z\n",
            document.ToString());
        var reparsed = TomlDocument.Parse(document.ToString());
        Assert.Equal("quote \" backslash \\ newline \n tab \t bell \u0007 del \u007f é ✓", ((TomlString)reparsed.Root["s"]).Value);
        Assert.Equal(1L, ((TomlInteger)reparsed.Root["key with space"]).Value);
    }

    [Fact]
    public void ArrayEditsFollowTheArraysLayout()
    {
        var document = TomlDocument.Parse("""
            one-line = ["a", "b"]
            multi = [
                "a",
                "b", # about b
            ]
            no-trailing-comma = [
              1,
              2  # two
            ]
            """);
        ((TomlArray)document.Root["one-line"]).Add("c");
        ((TomlArray)document.Root["multi"]).Add("c");
        ((TomlArray)document.Root["no-trailing-comma"]).Add(3L);
        Assert.Equal("""
            one-line = ["a", "b", "c"]
            multi = [
                "a",
                "b", # about b
                "c",
            ]
            no-trailing-comma = [
              1,
              2,  # two
              3
            ]
            """, document.ToString());
    }

    [Fact]
    public void ArrayRemoveAndReplace()
    {
        var document = TomlDocument.Parse("a = [ 1, 2, 3 ] # c\n");
        var array = (TomlArray)document.Root["a"];
        array[1] = new TomlString("two");
        array.RemoveAt(0);
        Assert.Equal("a = [ \"two\", 3 ] # c\n", document.ToString());
    }

    [Fact]
    public void DecorCanBeReadAndChanged()
    {
        var document = TomlDocument.Parse("[a]\n# note\nx = 1 # one\n");
        var a = Table(document, "a");
        var key = a.GetKey("x")!;
        Assert.Equal("# note\n", key.Decor.Prefix);
        Assert.Equal(" ", key.Decor.Suffix);
        Assert.Equal(new TomlDecor(" ", " # one"), a["x"].Decor);
        a["x"].Decor = new TomlDecor(" ", "");
        Assert.Equal("[a]\n# note\nx = 1\n", document.ToString());
    }

    [Fact]
    public void FormatResetsInlineLayout()
    {
        var document = TomlDocument.Parse("a = {x=1,y=[1,2 ,3],  z = { q = 'w' }}\n");
        ((TomlTable)document.Root["a"]).Format();
        Assert.Equal("a = { x = 1, y = [1, 2, 3], z = { q = 'w' } }\n", document.ToString());
    }

    [Fact]
    public void ClonesCarryValuesBetweenDocuments()
    {
        var source = TomlDocument.Parse("[workspace.dependencies]\nserde = { version = \"1\", features = [\"derive\"], x.y = 'z' } # shared\n");
        var target = TomlDocument.Parse("[dependencies]\n");
        var original = (TomlTable)((TomlTable)((TomlTable)source.Root["workspace"])["dependencies"])["serde"];
        var copy = original.Clone();
        Assert.Null(copy.Span);
        Assert.Equal(original.ToTomlString(), copy.ToTomlString());
        Assert.Equal("z", ((TomlString)((TomlTable)copy["x"])["y"]).Value);
        Table(target, "dependencies").Set("serde", copy);
        ((TomlArray)copy["features"]).Add("rc");
        copy.Set("optional", true);
        Assert.Equal("[dependencies]\nserde = { version = \"1\", features = [\"derive\", \"rc\"], x.y = 'z', optional = true } # shared\n", target.ToString());
        Assert.Equal("[workspace.dependencies]\nserde = { version = \"1\", features = [\"derive\"], x.y = 'z' } # shared\n", source.ToString());
        Assert.Throws<InvalidOperationException>(() => ((TomlTable)source.Root["workspace"]).Clone());
    }

    [Fact]
    public void AValueCanOnlyBePlacedOnce()
    {
        var document = TomlDocument.Parse("");
        var value = new TomlString("x");
        document.Root.Set("a", value);
        Assert.Throws<InvalidOperationException>(() => document.Root.Set("b", value));
    }

    [Fact]
    public void UntouchedPartsStayByteIdenticalAfterEditsInALockfile()
    {
        string path = Path.Combine(TestData.LockfilesRoot, "ripgrep", "Cargo.lock");
        string text = File.ReadAllText(path);
        var document = TomlDocument.Parse(text);
        var packages = (TomlArrayOfTables)document.Root["package"];
        var first = packages[0];
        string oldVersion = ((TomlString)first["version"]).Value;
        first.Set("version", "9.9.9");
        string expected = ReplaceFirst(text, $"version = \"{oldVersion}\"", "version = \"9.9.9\"");
        Assert.Equal(expected, document.ToString());
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        int i = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(i >= 0);
        return text[..i] + replacement + text[(i + old.Length)..];
    }
}

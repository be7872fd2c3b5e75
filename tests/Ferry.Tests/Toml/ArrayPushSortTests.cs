using Ferry.Toml;

namespace Ferry.Tests.Toml;

/// <summary>
/// <see cref="TomlArray.Push"/> and <see cref="TomlArray.Sort"/> reproduce toml_edit's <c>push</c> then
/// <c>sort_by</c>, which is how <c>cargo new</c> adds a workspace member; the expected texts are what
/// cargo 1.95 wrote for each layout.
/// </summary>
public sealed class ArrayPushSortTests
{
    [Theory]
    [InlineData("members = [\n  \"crates/a\",\n]\n", "crates/b", true, "members = [\n  \"crates/a\", \"crates/b\",\n]\n")]
    [InlineData("members = [\n  \"crates/a\",\n]\n", "crates/0", true, "members = [\"crates/0\",\n  \"crates/a\",\n]\n")]
    [InlineData("members = [\n  \"crates/z\",\n  \"crates/a\"\n]\n", "crates/b", false, "members = [\n  \"crates/z\",\n  \"crates/a\"\n, \"crates/b\"]\n")]
    [InlineData("members = [ \"a\" , \"c\" ] # comment\n", "b", true, "members = [ \"a\" , \"b\", \"c\" ] # comment\n")]
    [InlineData("members = [\n  \"a\", # first\n  \"c\", # second\n]\n", "b", true, "members = [\n  \"a\", \"b\", # first\n  \"c\", # second\n]\n")]
    [InlineData("members = [\n  # nothing\n]\n", "b", true, "members = [\"b\"\n  # nothing\n]\n")]
    [InlineData("members = ['a', \"c\"]\n", "b", true, "members = ['a', \"b\", \"c\"]\n")]
    [InlineData("members=[\"a\",]\n", "b", true, "members=[\"a\", \"b\",]\n")]
    [InlineData("members=[\"a\"]\n", "B", true, "members=[\"B\",\"a\"]\n")]
    [InlineData("members = [ \"a\" ]\n", "B", true, "members = [\"B\", \"a\" ]\n")]
    [InlineData("members = [\"b\",   \"d\"]\n", "c", true, "members = [\"b\", \"c\",   \"d\"]\n")]
    public void PushThenSortLikeCargoNew(string source, string member, bool sort, string expected)
    {
        var document = TomlDocument.Parse(source);
        var members = (TomlArray)document.Root["members"];
        members.Push(new TomlString(member));
        if (sort)
        {
            members.Sort((a, b) => string.CompareOrdinal(((TomlString)a).Value, ((TomlString)b).Value));
        }

        Assert.Equal(expected, document.ToString());
    }

    [Fact]
    public void SortIsStable()
    {
        var document = TomlDocument.Parse("a = [2, 1, 2, 1]\n");
        var array = (TomlArray)document.Root["a"];
        array.Sort((x, y) => ((TomlInteger)x).Value.CompareTo(((TomlInteger)y).Value));
        Assert.Equal("a = [ 1, 1,2, 2]\n", document.ToString());
    }
}

using Ferry.Build.Selection;

namespace Ferry.Tests.Build;

public sealed class CompileFilterTests
{
    [Fact]
    public void NoFlagsIsTheDefaultFilter()
    {
        var filter = CompileFilter.FromRawArguments(false, [], false, [], false, [], false, [], false, false);
        Assert.True(filter.IsDefault);
        Assert.False(filter.NeedDevDeps(UserIntent.Build));
        Assert.True(filter.NeedDevDeps(UserIntent.Test));
    }

    [Fact]
    public void NamedTargetsAreSpecific()
    {
        var filter = CompileFilter.FromRawArguments(false, ["a"], false, [], false, ["ex"], false, [], false, false);
        Assert.False(filter.IsDefault);
        Assert.Equal(LibRule.False, filter.Lib);
        Assert.True(filter.Bins.Matches("a"));
        Assert.False(filter.Bins.Matches("b"));
        Assert.True(filter.NeedDevDeps(UserIntent.Build));
    }

    [Fact]
    public void AllTargetsSelectsEverything()
    {
        var filter = CompileFilter.FromRawArguments(true, [], false, [], false, [], false, [], false, true);
        Assert.True(filter.AllTargets);
        Assert.Equal(LibRule.Default, filter.Lib);
        Assert.True(filter.Tests.All && filter.Benches.All && filter.Examples.All && filter.Bins.All);
    }

    [Fact]
    public void TestCommandFilters()
    {
        // `cargo test --doc`: the library only, with dev-dependencies for the doctests.
        var libOnly = CompileFilter.LibOnly();
        Assert.True(libOnly.IsSpecific);
        Assert.Equal(LibRule.True, libOnly.Lib);
        Assert.False(libOnly.Bins.IsSpecific || libOnly.Tests.IsSpecific || libOnly.Examples.IsSpecific || libOnly.Benches.IsSpecific);
        Assert.True(libOnly.NeedDevDeps(UserIntent.Doctest));

        // `cargo test NAME`: everything with `test = true`, but no examples.
        var tests = CompileFilter.AllTestTargets();
        Assert.Equal(LibRule.Default, tests.Lib);
        Assert.True(tests.Tests.All);
        Assert.False(tests.AllTargets || tests.Examples.IsSpecific || tests.Bins.IsSpecific || tests.Benches.IsSpecific);
    }

    [Theory]
    [InlineData("foo*", "foobar", true)]
    [InlineData("foo?", "foob", true)]
    [InlineData("foo?", "foo", false)]
    [InlineData("[ab]x", "bx", true)]
    [InlineData("[!ab]x", "bx", false)]
    [InlineData("m[0-9]", "m7", true)]
    public void GlobsMatchLikeTheGlobCrate(string pattern, string name, bool expected) =>
        Assert.Equal(expected, GlobMatcher.Matches(pattern, name));
}

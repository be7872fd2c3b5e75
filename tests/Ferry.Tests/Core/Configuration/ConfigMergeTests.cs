using System.Collections.Immutable;
using Ferry.Core.Configuration;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Configuration;

public sealed class ConfigMergeTests
{
    private static readonly Definition Near = Definition.File("/p/a/.cargo/config.toml");
    private static readonly Definition Far = Definition.File("/p/.cargo/config.toml");
    private static readonly Definition Env = Definition.Environment("CARGO_X");
    private static readonly Definition Cli = Definition.CliArgument;

    private static ConfigTable Table(Definition d, params (string Key, ConfigValue Value)[] entries)
    {
        var builder = ConfigTable.EmptyEntries.ToBuilder();
        foreach (var (key, value) in entries)
        {
            builder[key] = value;
        }

        return new ConfigTable(builder.ToImmutable(), d);
    }

    private static ConfigList List(Definition d, params string[] items) =>
        new([.. items.Select(i => (ConfigValue)new ConfigString(i, d))], d);

    private static ConfigTable Nested(Definition d, string a, string b, ConfigValue value) =>
        Table(d, (a, Table(d, (b, value))));

    [Fact]
    public void NearerScalarWinsWithoutForce()
    {
        var merged = ConfigMerge.Merge(Nested(Near, "build", "jobs", new ConfigInteger(4, Near)), Nested(Far, "build", "jobs", new ConfigInteger(2, Far)), force: false);
        var jobs = (ConfigInteger)((ConfigTable)((ConfigTable)merged).Entries["build"]).Entries["jobs"];
        Assert.Equal(new ConfigInteger(4, Near), jobs);
    }

    [Fact]
    public void ForcedScalarReplacesAndMayChangeType()
    {
        var merged = ConfigMerge.Merge(new ConfigInteger(4, Near), new ConfigString("x", Far), force: true);
        Assert.Equal(new ConfigString("x", Far), merged);
    }

    [Fact]
    public void HigherPriorityScalarWinsEvenWithoutForce()
    {
        Assert.Equal(new ConfigInteger(9, Cli), ConfigMerge.Merge(new ConfigInteger(4, Near), new ConfigInteger(9, Cli), force: false));
    }

    [Fact]
    public void ListsPutFartherItemsFirstAndForcedItemsLast()
    {
        var discovered = (ConfigList)ConfigMerge.Merge(List(Near, "near"), List(Far, "far"), force: false);
        Assert.Equal(["far", "near"], discovered.Items.Select(i => ((ConfigString)i).Value));
        Assert.Equal(Near, discovered.Definition);

        var forced = (ConfigList)ConfigMerge.Merge(List(Near, "one"), List(Far, "two"), force: true);
        Assert.Equal(["one", "two"], forced.Items.Select(i => ((ConfigString)i).Value));
    }

    [Fact]
    public void ListItemsAreSortedByPriority()
    {
        var merged = (ConfigList)ConfigMerge.Merge(List(Cli, "cli"), List(Near, "file"), force: false);
        Assert.Equal(["file", "cli"], merged.Items.Select(i => ((ConfigString)i).Value));
    }

    [Theory]
    [InlineData("target.x86_64-unknown-linux-gnu.runner")]
    [InlineData("registries.my.credential-provider")]
    [InlineData("registry.credential-provider")]
    [InlineData("doc.browser")]
    [InlineData("host.runner")]
    [InlineData("credential-alias.mine")]
    public void ProgramListsAreReplacedNotConcatenated(string dotted)
    {
        ConfigValue Wrap(ConfigValue leaf, Definition d)
        {
            var parts = dotted.Split('.');
            var value = leaf;
            for (var i = parts.Length - 1; i >= 0; i--)
            {
                value = Table(d, (parts[i], value));
            }

            return value;
        }

        var near = Wrap(List(Near, "near", "arg"), Near);
        var far = Wrap(List(Far, "far"), Far);
        ConfigValue merged = ConfigMerge.Merge(near, far, force: false);
        foreach (var part in dotted.Split('.'))
        {
            merged = ((ConfigTable)merged).Entries[part];
        }

        Assert.Equal(["near", "arg"], ((ConfigList)merged).Items.Select(i => ((ConfigString)i).Value));
        Assert.True(ConfigMerge.IsNonMergeableList(ConfigKey.Parse(dotted)));
    }

    [Fact]
    public void TablesMergeRecursivelyAndKeepTheirFirstDefinition()
    {
        var merged = (ConfigTable)ConfigMerge.Merge(
            Nested(Near, "build", "jobs", new ConfigInteger(1, Near)),
            Nested(Far, "build", "target", new ConfigString("t", Far)),
            force: false);
        var build = (ConfigTable)merged.Entries["build"];
        Assert.Equal(Near, build.Definition);
        Assert.Equal(["jobs", "target"], build.Entries.Keys);
    }

    [Fact]
    public void TypeConflictsGiveCargosChain()
    {
        var error = Assert.Throws<FerryException>(() => ConfigMerge.Merge(
            Nested(Near, "build", "rustflags", List(Near, "-C")),
            Nested(Far, "build", "rustflags", new ConfigString("x", Far)),
            force: false));
        Assert.Equal("failed to merge key `build` between /p/a/.cargo/config.toml and /p/.cargo/config.toml", error.Message);
        Assert.Equal("failed to merge key `rustflags` between /p/a/.cargo/config.toml and /p/.cargo/config.toml", error.InnerException!.Message);
        Assert.Equal(
            "failed to merge config value from `/p/.cargo/config.toml` into `/p/a/.cargo/config.toml`: expected array, but found string",
            error.InnerException!.InnerException!.Message);
    }

    [Fact]
    public void ScalarMeetingTableIsAnError()
    {
        var error = Assert.Throws<FerryException>(() => ConfigMerge.Merge(new ConfigInteger(1, Near), Table(Env), force: true));
        Assert.Equal("failed to merge config value from `environment variable `CARGO_X`` into `/p/a/.cargo/config.toml`: expected integer, but found table", error.Message);
    }

    [Fact]
    public void DefinitionsRankAndDisplayLikeCargo()
    {
        Assert.True(Cli.IsHigherPriority(Env));
        Assert.True(Env.IsHigherPriority(Near));
        Assert.True(Near.IsHigherPriority(Definition.BuiltIn));
        Assert.False(Near.IsHigherPriority(Far));
        Assert.Equal("--config cli option", Cli.ToString());
        Assert.Equal("environment variable `CARGO_X`", Env.ToString());
        Assert.Equal("/x/extra.toml", Definition.CliFile("/x/extra.toml").ToString());
        Assert.Equal("default", Definition.BuiltIn.ToString());
        Assert.Equal("/p/a", Near.Root("/cwd"));
        Assert.Equal("/cwd", Env.Root("/cwd"));
        Assert.Equal("/x", Definition.CliFile("/x/sub/extra.toml").Root("/cwd"));
    }

    [Fact]
    public void SortIsStableWithinAPriority()
    {
        ImmutableArray<ConfigValue> items = [new ConfigString("c1", Cli), new ConfigString("f1", Near), new ConfigString("e", Env), new ConfigString("f2", Far)];
        Assert.Equal(["f1", "f2", "e", "c1"], ConfigMerge.SortByPriority(items).Select(i => ((ConfigString)i).Value));
    }
}

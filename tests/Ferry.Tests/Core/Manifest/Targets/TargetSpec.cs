using System.Collections.Immutable;
using Ferry.Core.Manifest.Targets;

namespace Ferry.Tests.Core.Manifest.Targets;

/// <summary>
/// One target table written twice: as the <see cref="TomlTarget"/> Ferry receives and as the TOML
/// lines Cargo reads, so a fixture states each key once.
/// </summary>
internal sealed record TargetSpec(TomlTarget Target, ImmutableList<string> Lines)
{
    public static TargetSpec Empty { get; } = new(new TomlTarget(), []);

    public static TargetSpec Named(string name) => Empty.Name(name);

    public static TargetSpec At(string name, string path) => Empty.Name(name).Path(path);

    public TargetSpec Name(string value) => Add(Target with { Name = value }, "name", Toml.Str(value));

    public TargetSpec Path(string value) => Add(Target with { Path = value }, "path", Toml.Str(value));

    public TargetSpec CrateType(params string[] values) => Add(Target with { CrateType = [.. values] }, "crate-type", Toml.Array(values));

    public TargetSpec CrateTypeUnderscore(params string[] values) => Add(Target with { CrateTypeUnderscore = [.. values] }, "crate_type", Toml.Array(values));

    public TargetSpec Filename(string value) => Add(Target with { Filename = value }, "filename", Toml.Str(value));

    public TargetSpec Test(bool value) => Add(Target with { Test = value }, "test", Toml.Bool(value));

    public TargetSpec Doctest(bool value) => Add(Target with { Doctest = value }, "doctest", Toml.Bool(value));

    public TargetSpec Bench(bool value) => Add(Target with { Bench = value }, "bench", Toml.Bool(value));

    public TargetSpec Doc(bool value) => Add(Target with { Doc = value }, "doc", Toml.Bool(value));

    public TargetSpec DocScrapeExamples(bool value) => Add(Target with { DocScrapeExamples = value }, "doc-scrape-examples", Toml.Bool(value));

    public TargetSpec ProcMacro(bool value) => Add(Target with { ProcMacro = value }, "proc-macro", Toml.Bool(value));

    public TargetSpec ProcMacroUnderscore(bool value) => Add(Target with { ProcMacroUnderscore = value }, "proc_macro", Toml.Bool(value));

    public TargetSpec Harness(bool value) => Add(Target with { Harness = value }, "harness", Toml.Bool(value));

    public TargetSpec RequiredFeatures(params string[] values) => Add(Target with { RequiredFeatures = [.. values] }, "required-features", Toml.Array(values));

    public TargetSpec Edition(string value) => Add(Target with { Edition = value }, "edition", Toml.Str(value));

    private TargetSpec Add(TomlTarget target, string key, string value) => new(target, Lines.Add(key + " = " + value));
}

namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// The words Cargo uses for each kind of target in its messages: the table name
/// (<c>bin</c>, used in <c>bin.path</c>) and the human name (<c>binary</c>).
/// </summary>
internal static class TargetKinds
{
    public const string Lib = "lib";
    public const string Bin = "bin";
    public const string Example = "example";
    public const string Test = "test";
    public const string Bench = "bench";

    public const string LibHuman = "library";
    public const string BinHuman = "binary";
    public const string ExampleHuman = "example";
    public const string TestHuman = "test";
    public const string BenchHuman = "benchmark";
}

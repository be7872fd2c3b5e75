namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// What a target builds, as Cargo distinguishes it. Examples split in two because an example with
/// library crate types is compiled like a library but still listed as <c>example</c>.
/// </summary>
public enum TargetKind
{
    Lib,
    Bin,
    ExampleBin,
    ExampleLib,
    Test,
    Bench,
    CustomBuild,
}

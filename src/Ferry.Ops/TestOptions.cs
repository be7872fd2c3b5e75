using Ferry.Ops.Compile;

namespace Ferry.Ops;

/// <summary>What <c>ferry test</c> and <c>ferry bench</c> ask for (Cargo's <c>TestOptions</c>) on top of the compile options.</summary>
public sealed record TestOptions
{
    public required CompileOptions Compile { get; init; }

    public bool NoRun { get; init; }

    public bool NoFailFast { get; init; }

    /// <summary><c>ferry bench</c>: the harness gets <c>--bench</c> and failures are "bench failed".</summary>
    public bool Bench { get; init; }

    /// <summary>The colour choice rustdoc gets (<c>--color</c>): <c>auto</c>, <c>always</c> or <c>never</c>.</summary>
    public string Color { get; init; } = "auto";
}

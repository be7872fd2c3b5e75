namespace Ferry.Cli.Args;

internal enum ArgKind
{
    /// <summary>A switch such as <c>--release</c>; given twice is an error unless counted.</summary>
    Flag,

    /// <summary>A switch that may repeat and is counted, such as <c>-v</c>/<c>-vv</c>.</summary>
    Count,

    /// <summary>An option that requires a value: <c>--jobs N</c>, <c>--jobs=N</c>, <c>-jN</c>.</summary>
    Value,

    /// <summary>An option whose value may be omitted (<c>--bin</c> alone lists the binaries).</summary>
    OptionalValue,
}

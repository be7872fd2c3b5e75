namespace Ferry.Platform;

/// <summary>What went wrong; one member per variant of cargo-platform's <c>ParseErrorKind</c>.</summary>
public enum CfgErrorKind
{
    UnterminatedString,
    UnexpectedChar,
    UnexpectedToken,
    IncompleteExpr,
    UnterminatedExpression,
    InvalidTarget,

    /// <summary>A line of <c>rustc --print=cfg</c> output did not parse; the line's error is the inner exception.</summary>
    RustcOutput,
}

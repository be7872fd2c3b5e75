namespace Ferry.Platform;

/// <summary>The shape of a <see cref="CfgExpr"/>; declaration order is cargo-platform's variant order (used for sorting).</summary>
public enum CfgExprKind
{
    Not,
    All,
    Any,
    Value,
    True,
    False,
}

using System.Collections.Immutable;
using System.Text;

namespace Ferry.Platform;

/// <summary>
/// The contents of <c>cfg(...)</c>: <c>all(...)</c>, <c>any(...)</c>, <c>not(...)</c>, a <see cref="Cfg"/>
/// value, or the literals <c>true</c>/<c>false</c>. One class with a <see cref="Kind"/> rather than a
/// subclass per variant keeps the tree compact and the evaluator a single switch.
/// </summary>
public sealed class CfgExpr : IEquatable<CfgExpr>, IComparable<CfgExpr>
{
    private CfgExpr(CfgExprKind kind, ImmutableArray<CfgExpr> operands, Cfg? value)
    {
        Kind = kind;
        Operands = operands;
        Value = value;
    }

    public static CfgExpr True { get; } = new(CfgExprKind.True, [], null);

    public static CfgExpr False { get; } = new(CfgExprKind.False, [], null);

    public CfgExprKind Kind { get; }

    /// <summary>The single operand of <c>not</c>, the list of <c>all</c>/<c>any</c>; empty otherwise.</summary>
    public ImmutableArray<CfgExpr> Operands { get; }

    /// <summary>The value of a <see cref="CfgExprKind.Value"/> expression; null otherwise.</summary>
    public Cfg? Value { get; }

    public static CfgExpr Not(CfgExpr operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        return new CfgExpr(CfgExprKind.Not, [operand], null);
    }

    public static CfgExpr All(params IEnumerable<CfgExpr> operands) => new(CfgExprKind.All, [.. operands], null);

    public static CfgExpr Any(params IEnumerable<CfgExpr> operands) => new(CfgExprKind.Any, [.. operands], null);

    public static CfgExpr Of(Cfg value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new CfgExpr(CfgExprKind.Value, [], value);
    }

    /// <summary>Parses the text between <c>cfg(</c> and <c>)</c> (cargo-platform's <c>CfgExpr::from_str</c>).</summary>
    public static CfgExpr Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CfgParser.ParseExpr(text, text, 0);
    }

    /// <summary>Evaluates against the active cfg values of a target (from <see cref="RustcPrintCfg.Parse"/>).</summary>
    public bool Matches(IReadOnlyList<Cfg> cfgs)
    {
        ArgumentNullException.ThrowIfNull(cfgs);
        switch (Kind)
        {
            case CfgExprKind.Not:
                return !Operands[0].Matches(cfgs);
            case CfgExprKind.All:
                foreach (var e in Operands)
                {
                    if (!e.Matches(cfgs))
                    {
                        return false;
                    }
                }

                return true;
            case CfgExprKind.Any:
                foreach (var e in Operands)
                {
                    if (e.Matches(cfgs))
                    {
                        return true;
                    }
                }

                return false;
            case CfgExprKind.Value:
                for (var i = 0; i < cfgs.Count; i++)
                {
                    if (Value!.Equals(cfgs[i]))
                    {
                        return true;
                    }
                }

                return false;
            case CfgExprKind.True:
                return true;
            default:
                return false;
        }
    }

    public bool Equals(CfgExpr? other)
    {
        if (other is null || Kind != other.Kind)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (Kind == CfgExprKind.Value)
        {
            return Value!.Equals(other.Value);
        }

        if (Operands.Length != other.Operands.Length)
        {
            return false;
        }

        for (var i = 0; i < Operands.Length; i++)
        {
            if (!Operands[i].Equals(other.Operands[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is CfgExpr other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Kind);
        hash.Add(Value);
        foreach (var e in Operands)
        {
            hash.Add(e);
        }

        return hash.ToHashCode();
    }

    /// <summary>cargo-platform's derived order: by variant, then operands lexicographically, then value.</summary>
    public int CompareTo(CfgExpr? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Kind.CompareTo(other.Kind);
        if (c != 0)
        {
            return Math.Sign(c);
        }

        if (Kind == CfgExprKind.Value)
        {
            return Value!.CompareTo(other.Value);
        }

        var n = Math.Min(Operands.Length, other.Operands.Length);
        for (var i = 0; i < n; i++)
        {
            c = Operands[i].CompareTo(other.Operands[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return Operands.Length.CompareTo(other.Operands.Length);
    }

    public static bool operator ==(CfgExpr? left, CfgExpr? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(CfgExpr? left, CfgExpr? right) => !(left == right);

    /// <summary>Canonical text, e.g. <c>all(unix, not(target_os = "macos"))</c>; parses back to an equal expression.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        AppendTo(sb);
        return sb.ToString();
    }

    internal void AppendTo(StringBuilder sb)
    {
        switch (Kind)
        {
            case CfgExprKind.Not:
                sb.Append("not(");
                Operands[0].AppendTo(sb);
                sb.Append(')');
                break;
            case CfgExprKind.All:
            case CfgExprKind.Any:
                sb.Append(Kind == CfgExprKind.All ? "all(" : "any(");
                for (var i = 0; i < Operands.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    Operands[i].AppendTo(sb);
                }

                sb.Append(')');
                break;
            case CfgExprKind.Value:
                sb.Append(Value);
                break;
            case CfgExprKind.True:
                sb.Append("true");
                break;
            default:
                sb.Append("false");
                break;
        }
    }
}

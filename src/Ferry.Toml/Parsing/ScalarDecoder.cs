using System.Globalization;
using System.Text;

namespace Ferry.Toml.Parsing;

/// <summary>
/// Decodes an unquoted scalar (number, boolean, date-time, or junk) into a value. The classification and every
/// error mirror toml-rs's <c>decoder/scalar.rs</c> (then its integer/float/date-time conversions), so errors land
/// where cargo puts them. Offsets are relative to the raw text; <see cref="Decode"/> adds the token start.
/// </summary>
internal ref struct ScalarDecoder
{
    private enum ScalarKind
    {
        String,
        Boolean,
        DateTime,
        Float,
        Integer,
    }

    private readonly ReadOnlySpan<char> _raw;
    private readonly int _base;
    private readonly ErrorSink _errors;
    private string _output;
    private int _radix;
    private bool _bool;

    private ScalarDecoder(ReadOnlySpan<char> raw, int baseOffset, ErrorSink errors)
    {
        _raw = raw;
        _base = baseOffset;
        _errors = errors;
        _output = "";
        _radix = 10;
        _bool = false;
    }

    /// <summary>
    /// Decodes <c>text[start..end]</c>. Parse errors go to <paramref name="errors"/>; range errors, which toml-rs
    /// only reports when the value is later deserialized, go to <paramref name="deferred"/>.
    /// </summary>
    public static TomlValue Decode(string text, int start, int end, ErrorSink errors, ErrorSink deferred, TomlParseOptions options)
    {
        var raw = text.AsSpan(start, end - start);
        var decoder = new ScalarDecoder(raw, start, errors);
        ScalarKind kind = decoder.DecodeUnquoted();
        switch (kind)
        {
            case ScalarKind.Boolean:
                return new TomlBoolean(decoder._bool);
            case ScalarKind.Integer:
                return new TomlInteger(ToInteger(decoder._output, decoder._radix, start, end - start, deferred), parsed: true);
            case ScalarKind.Float:
                return new TomlFloat(ToFloat(decoder._output, start, end - start, deferred), parsed: true);
            case ScalarKind.DateTime:
                {
                    var value = DateTimeParser.Parse(raw.ToString(), options, out string? error);
                    if (value is null)
                    {
                        errors.Report(error!, start, end - start);
                        return new TomlString("", TomlStringStyle.Basic);
                    }
                    return value;
                }
            default:
                // Only reached with an error already reported ("string values must be quoted", ...).
                return new TomlString(decoder._output, TomlStringStyle.Basic);
        }
    }

    private static long ToInteger(string digits, int radix, int start, int length, ErrorSink deferred)
    {
        if (radix == 10)
        {
            if (long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
            {
                return v;
            }
            if (ulong.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                deferred.Report("u64 value was too large", start, length);
            }
            else if (Int128.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out Int128 i128))
            {
                deferred.Report($"invalid type: integer `{i128}` as i128, expected any valid TOML value", start, length);
            }
            else if (UInt128.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out UInt128 u128))
            {
                deferred.Report($"invalid type: integer `{u128}` as u128, expected any valid TOML value", start, length);
            }
            else
            {
                deferred.Report("integer number overflowed", start, length);
            }
            return 0;
        }

        UInt128 acc = 0;
        bool ok = digits.Length > 0;
        bool beyond128 = false;
        foreach (char c in digits)
        {
            int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            if (d < 0 || d >= radix)
            {
                ok = false;
                break;
            }
            if (acc > (UInt128.MaxValue - (UInt128)d) / (UInt128)radix)
            {
                beyond128 = true;
                break;
            }
            acc = acc * (UInt128)radix + (UInt128)d;
        }
        if (ok && !beyond128 && acc <= long.MaxValue)
        {
            return (long)acc;
        }
        if (!ok || beyond128)
        {
            deferred.Report("integer number overflowed", start, length);
        }
        else if (acc <= ulong.MaxValue)
        {
            deferred.Report("u64 value was too large", start, length);
        }
        else
        {
            deferred.Report(acc <= (UInt128)Int128.MaxValue
                ? $"invalid type: integer `{acc}` as i128, expected any valid TOML value"
                : $"invalid type: integer `{acc}` as u128, expected any valid TOML value", start, length);
        }
        return 0;
    }

    private static double ToFloat(string s, int start, int length, ErrorSink deferred)
    {
        if (s.EndsWith("inf", StringComparison.Ordinal))
        {
            return s.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
        }
        if (s.EndsWith("nan", StringComparison.Ordinal))
        {
            return s.StartsWith('-') ? -double.NaN : double.NaN;
        }
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || double.IsInfinity(v))
        {
            deferred.Report("floating-point number overflowed", start, length);
            return 0;
        }
        return v;
    }

    private void Report(string message, int start, int length) => _errors.Report(message, _base + start, length);

    private ScalarKind DecodeUnquoted()
    {
        var s = _raw;
        if (s.IsEmpty)
        {
            return DecodeInvalid();
        }
        char first = s[0];
        if (!CharClass.IsDigit(first) && s.Contains(' '))
        {
            // Only date-times can contain a space.
            return DecodeInvalid();
        }
        switch (first)
        {
            case '+' or '-':
                return DecodeSignPrefix(1);
            case '_':
                return DecodeDateTimeOrFloatOrInteger(0);
            case '0':
                return DecodeZeroPrefix(0, signed: false);
            case >= '1' and <= '9':
                return DecodeDateTimeOrFloatOrInteger(0);
            case '.':
                return EnsureFloat(0) ? DecodeFloatOrInteger(0, ScalarKind.Float) : ScalarKind.Float;
            case 't' or 'T':
                return DecodeSymbol("true", ScalarKind.Boolean, "invalid boolean");
            case 'f' or 'F':
                return DecodeSymbol("false", ScalarKind.Boolean, "invalid boolean");
            case 'i' or 'I':
                return DecodeSymbol("inf", ScalarKind.Float, "invalid float");
            case 'n' or 'N':
                return DecodeSymbol("nan", ScalarKind.Float, "invalid float");
            default:
                return DecodeInvalid();
        }
    }

    private ScalarKind DecodeSignPrefix(int v)
    {
        var raw = _raw;
        char first;
        while (true)
        {
            if (v >= raw.Length)
            {
                return DecodeInvalid();
            }
            first = raw[v];
            if (first is not ('+' or '-'))
            {
                break;
            }
            Report("redundant numeric sign, expected nothing", v, 1);
            v++;
        }
        switch (first)
        {
            case '_':
                return DecodeDateTimeOrFloatOrInteger(v);
            case '0':
                return DecodeZeroPrefix(v, signed: true);
            case >= '1' and <= '9':
                return DecodeDateTimeOrFloatOrInteger(v);
            case '.':
                return EnsureFloat(0) ? DecodeFloatOrInteger(0, ScalarKind.Float) : ScalarKind.Float;
            case 'i' or 'I':
                return DecodeSignedSymbol(v, "inf");
            case 'n' or 'N':
                return DecodeSignedSymbol(v, "nan");
            default:
                return DecodeInvalid();
        }
    }

    private ScalarKind DecodeSignedSymbol(int v, string symbol)
    {
        if (!_raw[v..].SequenceEqual(symbol))
        {
            Report($"invalid float, expected `{symbol}`", v, _raw.Length - v);
            _output = symbol;
        }
        else
        {
            _output = _raw.ToString();
        }
        return ScalarKind.Float;
    }

    private ScalarKind DecodeZeroPrefix(int v, bool signed)
    {
        var raw = _raw;
        if (raw.Length - v == 1)
        {
            return DecodeFloatOrInteger(0, ScalarKind.Integer);
        }
        char radix = raw[v + 1];
        switch (radix)
        {
            case 'x' or 'X' or 'o' or 'O' or 'b' or 'B':
                {
                    if (raw[v..].Contains(' '))
                    {
                        return DecodeInvalid();
                    }
                    if (signed)
                    {
                        Report("integers with a radix cannot be signed, expected nothing", 0, 1);
                    }
                    char lower = (char)(radix | 0x20);
                    if (radix != lower)
                    {
                        Report($"radix must be lowercase, expected `0{lower}`", v, 2);
                    }
                    _radix = lower switch
                    {
                        'x' => 16,
                        'o' => 8,
                        _ => 2,
                    };
                    return EnsureRadixedValue(v + 2) ? DecodeFloatOrInteger(v + 2, ScalarKind.Integer) : ScalarKind.Integer;
                }
            case 'd' or 'D':
                {
                    if (raw[v..].Contains(' '))
                    {
                        return DecodeInvalid();
                    }
                    if (signed)
                    {
                        Report("integers with a radix cannot be signed, expected nothing", 0, 1);
                    }
                    Report("redundant integer number prefix, expected nothing", 0, 2);
                    _radix = 10;
                    return EnsureRadixedValue(v + 2) ? DecodeFloatOrInteger(v + 2, ScalarKind.Integer) : ScalarKind.Integer;
                }
            default:
                return DecodeDateTimeOrFloatOrInteger(v);
        }
    }

    private ScalarKind DecodeDateTimeOrFloatOrInteger(int v)
    {
        var raw = _raw;
        int digitEnd = v;
        while (digitEnd < raw.Length && CharClass.IsDigit(raw[digitEnd]))
        {
            digitEnd++;
        }
        if (digitEnd == raw.Length)
        {
            return EnsureNoLeadingZero(v) ? DecodeFloatOrInteger(0, ScalarKind.Integer) : ScalarKind.Integer;
        }
        var rest = raw[digitEnd..];
        if (rest[0] is '-' or ':')
        {
            _output = raw.ToString();
            return ScalarKind.DateTime;
        }
        if (rest.Contains(' '))
        {
            return DecodeInvalid();
        }
        if (rest.IndexOfAny('.', 'e', 'E') >= 0)
        {
            return EnsureFloat(v) ? DecodeFloatOrInteger(0, ScalarKind.Float) : ScalarKind.Float;
        }
        if (rest[0] == '_')
        {
            return EnsureNoLeadingZero(v) ? DecodeFloatOrInteger(0, ScalarKind.Integer) : ScalarKind.Integer;
        }
        return DecodeInvalid();
    }

    private bool EnsureFloat(int p)
    {
        var raw = _raw;
        bool valid = EnsureDecUint(ref p, zeroPrefix: false, "invalid mantissa");
        if (p < raw.Length && raw[p] == '.')
        {
            p++;
            valid &= EnsureDecUint(ref p, zeroPrefix: true, "invalid fraction");
        }
        if (p < raw.Length && raw[p] is 'e' or 'E')
        {
            p++;
            if (p < raw.Length && raw[p] is '+' or '-')
            {
                p++;
            }
            valid &= EnsureDecUint(ref p, zeroPrefix: true, "invalid exponent");
        }
        if (p < raw.Length)
        {
            Report("invalid float, expected nothing", p, raw.Length - p);
            valid = false;
        }
        return valid;
    }

    private bool EnsureDecUint(ref int p, bool zeroPrefix, string invalidDescription)
    {
        var raw = _raw;
        int start = p;
        int digits = 0;
        while (p < raw.Length)
        {
            char c = raw[p];
            if (CharClass.IsDigit(c))
            {
                digits++;
            }
            else if (c != '_')
            {
                break;
            }
            p++;
        }
        if (digits == 0)
        {
            Report(invalidDescription + ", expected digits", start, 0);
            return false;
        }
        if (digits > 1 && raw[start] == '0' && !zeroPrefix)
        {
            Report("unexpected leading zero, expected nothing", start, 1);
            return false;
        }
        return true;
    }

    private bool EnsureNoLeadingZero(int v)
    {
        if (_raw[v] == '0')
        {
            Report("unexpected leading zero, expected nothing", v, 1);
            return false;
        }
        return true;
    }

    private bool EnsureRadixedValue(int p)
    {
        var raw = _raw;
        bool valid = true;
        if (p < raw.Length && raw[p] is '+' or '-')
        {
            int pos = raw.IndexOfAny('+', '-');
            Report("unexpected sign, expected nothing", pos, 1);
            valid = false;
            p++;
        }
        string description = _radix switch
        {
            16 => "invalid hexadecimal number",
            8 => "invalid octal number",
            2 => "invalid binary number",
            _ => "invalid integer number",
        };
        for (int i = p; i < raw.Length; i++)
        {
            char c = raw[i];
            bool ok = _radix switch
            {
                16 => CharClass.IsHexDigit(c),
                8 => c is >= '0' and <= '7',
                2 => c is '0' or '1',
                _ => CharClass.IsDigit(c),
            };
            if (!ok && c != '_')
            {
                Report(description, i, 0);
                valid = false;
            }
        }
        return valid;
    }

    /// <summary>Strips underscores (checking each sits between digits) from <c>raw[stream..]</c>.</summary>
    private ScalarKind DecodeFloatOrInteger(int stream, ScalarKind kind)
    {
        var raw = _raw;
        if (raw[stream..].IndexOf('_') < 0)
        {
            _output = raw[stream..].ToString();
            return kind;
        }
        var sb = new StringBuilder(raw.Length - stream);
        int p = stream;
        while (p < raw.Length)
        {
            int rel = raw[p..].IndexOf('_');
            int sepStart = rel < 0 ? raw.Length : p + rel;
            sb.Append(raw[p..sepStart]);
            if (rel < 0)
            {
                break;
            }
            bool invalid = false;
            if (sepStart > p)
            {
                invalid |= !IsAnyDigit(raw[sepStart - 1], kind);
            }
            else if (p == stream)
            {
                invalid = true;
            }
            int next = sepStart + 1;
            invalid |= next >= raw.Length || !IsAnyDigit(raw[next], kind);
            if (invalid)
            {
                Report("`_` may only go between digits, expected nothing", sepStart, 1);
            }
            p = next;
        }
        _output = sb.ToString();
        return kind;
    }

    private static bool IsAnyDigit(char c, ScalarKind kind)
        => kind == ScalarKind.Float ? CharClass.IsDigit(c) : CharClass.IsHexDigit(c);

    private ScalarKind DecodeSymbol(string symbol, ScalarKind kind, string invalidDescription)
    {
        if (!_raw.SequenceEqual(symbol))
        {
            if (_raw.Contains(' '))
            {
                return DecodeInvalid();
            }
            Report($"{invalidDescription}, expected `{symbol}`", 0, _raw.Length);
        }
        _output = symbol;
        _bool = symbol == "true";
        return kind;
    }

    private ScalarKind DecodeInvalid()
    {
        var raw = _raw;
        if (raw.EndsWith("'''"))
        {
            Report("missing opening quote, expected `'''`", 0, 0);
        }
        else if (raw.EndsWith("\"\"\""))
        {
            Report("missing opening quote, expected `\"\"\"`", 0, 0);
        }
        else if (raw.EndsWith("'"))
        {
            Report("missing opening quote, expected `'`", 0, 0);
        }
        else if (raw.EndsWith("\""))
        {
            Report("missing opening quote, expected `\"`", 0, 0);
        }
        else
        {
            Report("string values must be quoted, expected literal string", 0, raw.Length);
        }
        _output = raw.ToString();
        return ScalarKind.String;
    }
}

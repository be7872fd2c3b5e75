namespace Ferry.Util.Text;

/// <summary>
/// Describes the first syntax error of a JSON document the way serde_json (and so Cargo) words
/// it: <c>key must be a string at line 1 column 3</c>. System.Text.Json finds the same errors but
/// names them with its own resource keys (and only keys in the trimmed binary), which users
/// comparing Ferry with Cargo would not recognise.
/// </summary>
/// <remarks>
/// Positions follow serde_json's reader: lines count from 1; an error found by looking at a byte
/// reports that byte's 1-based column, one found after consuming it reports the consumed byte's,
/// and end of input reports the length of the last line.
/// </remarks>
public static class JsonSyntaxError
{
    private const int RecursionLimit = 128;

    /// <summary>The first error, or null when <paramref name="json"/> is one well-formed JSON value.</summary>
    public static string? Describe(ReadOnlySpan<byte> json)
    {
        var scanner = new Scanner(json);
        return scanner.Document();
    }

    private ref struct Scanner
    {
        private readonly ReadOnlySpan<byte> _json;
        private int _index;
        private int _depth;

        public Scanner(ReadOnlySpan<byte> json)
        {
            _json = json;
        }

        public string? Document()
        {
            var error = Value();
            if (error is not null)
            {
                return error;
            }

            SkipWhitespace();
            return _index < _json.Length ? PeekError("trailing characters") : null;
        }

        private string? Value()
        {
            SkipWhitespace();
            if (_index >= _json.Length)
            {
                return PeekError("EOF while parsing a value");
            }

            switch (_json[_index])
            {
                case (byte)'n':
                    return Ident("null"u8);
                case (byte)'t':
                    return Ident("true"u8);
                case (byte)'f':
                    return Ident("false"u8);
                case (byte)'"':
                    _index++;
                    return String();
                case (byte)'-':
                case >= (byte)'0' and <= (byte)'9':
                    return Number();
                case (byte)'[':
                    return Nested(list: true);
                case (byte)'{':
                    return Nested(list: false);
                default:
                    return PeekError("expected value");
            }
        }

        private string? Ident(ReadOnlySpan<byte> word)
        {
            _index++;
            foreach (var expected in word[1..])
            {
                if (_index >= _json.Length)
                {
                    return PeekError("EOF while parsing a value");
                }

                if (_json[_index++] != expected)
                {
                    return Error("expected ident");
                }
            }

            return null;
        }

        private string? Number()
        {
            if (_json[_index] == '-')
            {
                _index++;
            }

            if (_index >= _json.Length)
            {
                return PeekError("EOF while parsing a value");
            }

            if (_json[_index] == '0')
            {
                _index++;
                if (_index < _json.Length && IsDigit(_json[_index]))
                {
                    return PeekError("invalid number");
                }
            }
            else if (IsDigit(_json[_index]))
            {
                SkipDigits();
            }
            else
            {
                return PeekError("invalid number");
            }

            if (_index < _json.Length && _json[_index] == '.')
            {
                _index++;
                if (_index >= _json.Length)
                {
                    return PeekError("EOF while parsing a value");
                }

                if (!IsDigit(_json[_index]))
                {
                    return PeekError("invalid number");
                }

                SkipDigits();
            }

            if (_index < _json.Length && _json[_index] is (byte)'e' or (byte)'E')
            {
                _index++;
                if (_index < _json.Length && _json[_index] is (byte)'+' or (byte)'-')
                {
                    _index++;
                }

                if (_index >= _json.Length)
                {
                    return PeekError("EOF while parsing a value");
                }

                if (!IsDigit(_json[_index]))
                {
                    return PeekError("invalid number");
                }

                SkipDigits();
            }

            return null;
        }

        private string? String()
        {
            while (true)
            {
                if (_index >= _json.Length)
                {
                    return PeekError("EOF while parsing a string");
                }

                var b = _json[_index++];
                switch (b)
                {
                    case (byte)'"':
                        return null;
                    case < 0x20:
                        return Error("control character (\\u0000-\\u001F) found while parsing a string");
                    case (byte)'\\':
                        if (_index >= _json.Length)
                        {
                            return PeekError("EOF while parsing a string");
                        }

                        var escape = _json[_index++];
                        if (escape == 'u')
                        {
                            for (var i = 0; i < 4; i++)
                            {
                                if (_index >= _json.Length)
                                {
                                    return PeekError("EOF while parsing a string");
                                }

                                if (!Uri.IsHexDigit((char)_json[_index++]))
                                {
                                    return Error("invalid escape");
                                }
                            }
                        }
                        else if (escape is not ((byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t'))
                        {
                            return Error("invalid escape");
                        }

                        break;
                }
            }
        }

        private string? Nested(bool list)
        {
            if (++_depth >= RecursionLimit)
            {
                return PeekError("recursion limit exceeded");
            }

            _index++;
            var close = list ? (byte)']' : (byte)'}';
            var eof = list ? "EOF while parsing a list" : "EOF while parsing an object";
            SkipWhitespace();
            if (_index < _json.Length && _json[_index] == close)
            {
                _index++;
                _depth--;
                return null;
            }

            for (var first = true; ; first = false)
            {
                if (!list)
                {
                    if (_index >= _json.Length)
                    {
                        // After a comma serde_json is looking for a value, not the object's end.
                        return PeekError(first ? eof : "EOF while parsing a value");
                    }

                    if (_json[_index] != '"')
                    {
                        return PeekError("key must be a string");
                    }

                    _index++;
                    if (String() is { } keyError)
                    {
                        return keyError;
                    }

                    SkipWhitespace();
                    if (_index >= _json.Length)
                    {
                        return PeekError(eof);
                    }

                    if (_json[_index] != ':')
                    {
                        return PeekError("expected `:`");
                    }

                    _index++;
                }

                if (Value() is { } valueError)
                {
                    return valueError;
                }

                SkipWhitespace();
                if (_index >= _json.Length)
                {
                    return PeekError(eof);
                }

                var next = _json[_index];
                if (next == close)
                {
                    _index++;
                    _depth--;
                    return null;
                }

                if (next != ',')
                {
                    return PeekError(list ? "expected `,` or `]`" : "expected `,` or `}`");
                }

                _index++;
                SkipWhitespace();
                if (_index < _json.Length && _json[_index] == close)
                {
                    return PeekError("trailing comma");
                }
            }
        }

        private void SkipWhitespace()
        {
            while (_index < _json.Length && _json[_index] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                _index++;
            }
        }

        private void SkipDigits()
        {
            while (_index < _json.Length && IsDigit(_json[_index]))
            {
                _index++;
            }
        }

        private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

        private readonly string PeekError(string message) => At(message, Math.Min(_json.Length, _index + 1));

        private readonly string Error(string message) => At(message, _index);

        private readonly string At(string message, int index)
        {
            var before = _json[..index];
            var startOfLine = before.LastIndexOf((byte)'\n') + 1;
            var line = 1 + before[..startOfLine].Count((byte)'\n');
            return $"{message} at line {line} column {index - startOfLine}";
        }
    }
}

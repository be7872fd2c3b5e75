namespace Ferry.Toml.Parsing;

/// <summary>
/// Parses TOML date/time text (RFC 3339 subset). A port of toml_datetime's <c>FromStr</c> so that error texts
/// ("invalid date, expected day between 01 and 29") match cargo; TOML 1.0's rule that seconds are required is
/// added on top (switched off by <see cref="TomlParseOptions.AllowOmittedSeconds"/>).
/// </summary>
internal static class DateTimeParser
{
    private enum Kind : byte
    {
        Digits,
        Dash,
        Colon,
        Dot,
        T,
        Space,
        Z,
        Plus,
        Unknown,
    }

    /// <summary>Tokens over the text; a copy is a checkpoint.</summary>
    private struct Lexer
    {
        private readonly string _s;
        private int _pos;

        public Lexer(string s)
        {
            _s = s;
            _pos = 0;
        }

        public readonly bool AtEnd => _pos >= _s.Length;

        public bool Next(out Kind kind, out int start, out int length)
        {
            start = _pos;
            if (_pos >= _s.Length)
            {
                kind = Kind.Unknown;
                length = 0;
                return false;
            }
            char c = _s[_pos];
            int end = _pos + 1;
            switch (c)
            {
                case >= '0' and <= '9':
                    kind = Kind.Digits;
                    while (end < _s.Length && CharClass.IsDigit(_s[end]))
                    {
                        end++;
                    }
                    break;
                case '-':
                    kind = Kind.Dash;
                    break;
                case ':':
                    kind = Kind.Colon;
                    break;
                case 'T' or 't':
                    kind = Kind.T;
                    break;
                case ' ':
                    kind = Kind.Space;
                    break;
                case 'Z' or 'z':
                    kind = Kind.Z;
                    break;
                case '+':
                    kind = Kind.Plus;
                    break;
                case '.':
                    kind = Kind.Dot;
                    break;
                default:
                    kind = Kind.Unknown;
                    end = _s.Length;
                    break;
            }
            length = end - start;
            _pos = end;
            return true;
        }

        public readonly Kind? PeekKind()
        {
            var copy = this;
            return copy.Next(out var k, out _, out _) ? k : null;
        }
    }

    /// <returns>The parsed value, or null with <paramref name="error"/> set.</returns>
    public static TomlDateTime? Parse(string s, TomlParseOptions options, out string? error)
    {
        error = null;
        var lexer = new Lexer(s);
        bool hasDate = false;
        int year = 0, month = 0, day = 0;

        if (!lexer.Next(out var k, out _, out _) || k != Kind.Digits)
        {
            return Fail(out error, null, "year or hour");
        }
        int firstStart = 0;
        int firstLength = DigitsLength(s, 0);
        if (!lexer.Next(out k, out _, out _))
        {
            return Fail(out error, null, "`-` (YYYY-MM) or `:` (HH:MM)");
        }
        if (k == Kind.Dash)
        {
            if (!lexer.Next(out k, out int mStart, out int mLen) || k != Kind.Digits)
            {
                return Fail(out error, "date", "month");
            }
            if (!lexer.Next(out k, out _, out _) || k != Kind.Dash)
            {
                return Fail(out error, "date", "`-` (MM-DD)");
            }
            if (!lexer.Next(out k, out int dStart, out int dLen) || k != Kind.Digits)
            {
                return Fail(out error, "date", "day");
            }
            if (firstLength != 4)
            {
                return Fail(out error, "date", "a four-digit year (YYYY)");
            }
            if (mLen != 2)
            {
                return Fail(out error, "date", "a two-digit month (MM)");
            }
            if (dLen != 2)
            {
                return Fail(out error, "date", "a two-digit day (DD)");
            }
            year = Number(s, firstStart, firstLength);
            month = Number(s, mStart, mLen);
            day = Number(s, dStart, dLen);
            if (month < 1 || month > 12)
            {
                return Fail(out error, "date", "month between 01 and 12");
            }
            bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            (int maxDay, string expectedDay) = month switch
            {
                2 when leap => (29, "day between 01 and 29"),
                2 => (28, "day between 01 and 28"),
                4 or 6 or 9 or 11 => (30, "day between 01 and 30"),
                _ => (31, "day between 01 and 31"),
            };
            if (day < 1 || day > maxDay)
            {
                return Fail(out error, "date", expectedDay);
            }
            hasDate = true;
        }
        else if (k == Kind.Colon)
        {
            lexer = new Lexer(s);
        }
        else
        {
            return Fail(out error, null, "`-` (YYYY-MM) or `:` (HH:MM)");
        }

        bool hasTime;
        if (hasDate)
        {
            if (lexer.Next(out k, out _, out _))
            {
                if (k is not (Kind.T or Kind.Space))
                {
                    return Fail(out error, "date-time", "`T` between date and time");
                }
                hasTime = true;
            }
            else
            {
                hasTime = false;
            }
        }
        else
        {
            hasTime = true;
        }

        int hour = 0, minute = 0, second = 0;
        bool hasSeconds = false;
        string? fraction = null;
        if (hasTime)
        {
            if (!lexer.Next(out k, out int hStart, out int hLen) || k != Kind.Digits)
            {
                return Fail(out error, "time", "hour");
            }
            if (!lexer.Next(out k, out _, out _) || k != Kind.Colon)
            {
                return Fail(out error, "time", "`:` (HH:MM)");
            }
            if (!lexer.Next(out k, out int minStart, out int minLen) || k != Kind.Digits)
            {
                return Fail(out error, "time", "minute");
            }
            int secStart = 0, secLen = 0;
            if (lexer.PeekKind() == Kind.Colon)
            {
                lexer.Next(out _, out _, out _);
                if (!lexer.Next(out k, out secStart, out secLen) || k != Kind.Digits)
                {
                    return Fail(out error, "time", "second");
                }
                hasSeconds = true;
            }
            else if (!options.AllowOmittedSeconds)
            {
                // TOML 1.0 requires seconds; TOML 1.1 (and so cargo) makes them optional.
                return Fail(out error, "time", "`:` (MM:SS)");
            }
            if (hasSeconds && lexer.PeekKind() == Kind.Dot)
            {
                lexer.Next(out _, out _, out _);
                if (!lexer.Next(out k, out int fStart, out int fLen) || k != Kind.Digits)
                {
                    return Fail(out error, "time", "nanosecond");
                }
                fraction = s.Substring(fStart, fLen);
            }
            if (hLen != 2)
            {
                return Fail(out error, "time", "a two-digit hour (HH)");
            }
            if (minLen != 2)
            {
                return Fail(out error, "time", "a two-digit minute (MM)");
            }
            if (hasSeconds && secLen != 2)
            {
                return Fail(out error, "time", "a two-digit second (SS)");
            }
            hour = Number(s, hStart, hLen);
            minute = Number(s, minStart, minLen);
            second = hasSeconds ? Number(s, secStart, secLen) : 0;
            if (hour > 23)
            {
                return Fail(out error, "time", "hour between 00 and 23");
            }
            if (minute > 59)
            {
                return Fail(out error, "time", "minute between 00 and 59");
            }
            if (second > 60)
            {
                return Fail(out error, "time", "second between 00 and 60");
            }
        }

        int? offsetMinutes = null;
        bool zulu = false;
        if (hasDate && hasTime && lexer.Next(out k, out _, out _))
        {
            if (k == Kind.Z)
            {
                offsetMinutes = 0;
                zulu = true;
            }
            else if (k is Kind.Plus or Kind.Dash)
            {
                int sign = k == Kind.Plus ? 1 : -1;
                if (!lexer.Next(out k, out int ohStart, out int ohLen) || k != Kind.Digits)
                {
                    return Fail(out error, "offset", "hour");
                }
                if (!lexer.Next(out k, out _, out _) || k != Kind.Colon)
                {
                    return Fail(out error, "offset", "`:` (HH:MM)");
                }
                if (!lexer.Next(out k, out int omStart, out int omLen) || k != Kind.Digits)
                {
                    return Fail(out error, "offset", "minute");
                }
                if (ohLen != 2)
                {
                    return Fail(out error, "offset", "a two-digit hour (HH)");
                }
                if (omLen != 2)
                {
                    return Fail(out error, "offset", "a two-digit minute (MM)");
                }
                int oh = Number(s, ohStart, ohLen);
                int om = Number(s, omStart, omLen);
                if (oh > 23)
                {
                    return Fail(out error, "offset", "hours between 00 and 23");
                }
                if (om > 59)
                {
                    return Fail(out error, "offset", "minutes between 00 and 59");
                }
                offsetMinutes = sign * (oh * 60 + om);
            }
            else
            {
                return Fail(out error, "offset", "`Z`, +OFFSET, -OFFSET");
            }
        }

        if (!lexer.AtEnd)
        {
            return Fail(out error, null, null);
        }

        var kind = (hasDate, hasTime, offsetMinutes.HasValue) switch
        {
            (true, true, true) => TomlDateTimeKind.OffsetDateTime,
            (true, true, false) => TomlDateTimeKind.LocalDateTime,
            (true, false, _) => TomlDateTimeKind.LocalDate,
            _ => TomlDateTimeKind.LocalTime,
        };
        return new TomlDateTime(kind, year, month, day, hour, minute, second, hasSeconds, fraction, offsetMinutes, zulu, s);
    }

    private static TomlDateTime? Fail(out string? error, string? what, string? expected)
    {
        error = "invalid " + (what ?? "datetime") + (expected is null ? "" : ", expected " + expected);
        return null;
    }

    private static int DigitsLength(string s, int start)
    {
        int i = start;
        while (i < s.Length && CharClass.IsDigit(s[i]))
        {
            i++;
        }
        return i - start;
    }

    /// <summary>Rust parses these into u16/u8: absurdly long digit runs fail to parse and become "invalid datetime".</summary>
    private static int Number(string s, int start, int length)
    {
        int value = 0;
        for (int i = 0; i < length && i < 9; i++)
        {
            value = value * 10 + (s[start + i] - '0');
        }
        return value;
    }
}

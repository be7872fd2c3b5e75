using System.Globalization;
using System.Text;
using Ferry.Toml.Parsing;
using Ferry.Toml.Formatting;

namespace Ferry.Toml;

/// <summary>
/// A TOML offset date-time, local date-time, local date or local time. The components are exposed as parsed
/// (seconds may be 60, fractions may be longer than .NET's 100 ns ticks) and the original text is kept, so
/// round trips and re-display are exact.
/// </summary>
public sealed class TomlDateTime : TomlValue
{
    internal TomlDateTime(TomlDateTimeKind kind, int year, int month, int day, int hour, int minute, int second,
        bool hasSeconds, string? fraction, int? offsetMinutes, bool isZulu, string raw)
    {
        DateTimeKind = kind;
        Year = year;
        Month = month;
        Day = day;
        Hour = hour;
        Minute = minute;
        Second = second;
        HasSeconds = hasSeconds;
        Fraction = fraction;
        OffsetMinutes = offsetMinutes;
        IsZulu = isZulu;
        Node.SetOwn(raw);
    }

    public override TomlValueKind Kind => TomlValueKind.DateTime;

    public TomlDateTimeKind DateTimeKind { get; }

    public bool HasDate => DateTimeKind != TomlDateTimeKind.LocalTime;

    public bool HasTime => DateTimeKind != TomlDateTimeKind.LocalDate;

    public int Year { get; }

    public int Month { get; }

    public int Day { get; }

    public int Hour { get; }

    public int Minute { get; }

    /// <summary>0 to 60 (a leap second is allowed).</summary>
    public int Second { get; }

    /// <summary>False only for TOML 1.1 times written without seconds.</summary>
    public bool HasSeconds { get; }

    /// <summary>The digits after the decimal point of the seconds, exactly as written, or null.</summary>
    public string? Fraction { get; }

    /// <summary>Offset from UTC in minutes for offset date-times (0 for <c>Z</c>), otherwise null.</summary>
    public int? OffsetMinutes { get; }

    /// <summary>True when the offset was written as <c>Z</c>/<c>z</c> rather than <c>+00:00</c>.</summary>
    public bool IsZulu { get; }

    /// <summary>The text as written in the source.</summary>
    public string Raw => Node.Raw.ToString();

    /// <summary>Nanoseconds of the fraction (truncated to 9 digits).</summary>
    public int Nanosecond
    {
        get
        {
            if (Fraction is null)
            {
                return 0;
            }
            int ns = 0;
            for (int i = 0; i < 9; i++)
            {
                ns = ns * 10 + (i < Fraction.Length ? Fraction[i] - '0' : 0);
            }
            return ns;
        }
    }

    /// <summary>Parses TOML date/time text (TOML 1.0 rules); throws <see cref="FormatException"/> if invalid.</summary>
    public static TomlDateTime Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateTimeParser.Parse(text, TomlParseOptions.Default, out string? error)
            ?? throw new FormatException(error);
    }

    public static bool TryParse(string text, out TomlDateTime? value)
    {
        value = DateTimeParser.Parse(text, TomlParseOptions.Default, out _);
        return value is not null;
    }

    /// <summary>
    /// The canonical form toml-test uses: <c>T</c> separator, upper-case <c>Z</c>, seconds always present,
    /// the fraction as written.
    /// </summary>
    public string ToCanonicalString()
    {
        var sb = new StringBuilder();
        if (HasDate)
        {
            sb.Append(Year.ToString("D4", CultureInfo.InvariantCulture)).Append('-')
                .Append(Month.ToString("D2", CultureInfo.InvariantCulture)).Append('-')
                .Append(Day.ToString("D2", CultureInfo.InvariantCulture));
        }
        if (HasTime)
        {
            if (HasDate)
            {
                sb.Append('T');
            }
            sb.Append(Hour.ToString("D2", CultureInfo.InvariantCulture)).Append(':')
                .Append(Minute.ToString("D2", CultureInfo.InvariantCulture)).Append(':')
                .Append(Second.ToString("D2", CultureInfo.InvariantCulture));
            if (Fraction is not null)
            {
                sb.Append('.').Append(Fraction);
            }
        }
        if (OffsetMinutes is int offset)
        {
            if (IsZulu)
            {
                sb.Append('Z');
            }
            else
            {
                int abs = Math.Abs(offset);
                sb.Append(offset < 0 ? '-' : '+')
                    .Append((abs / 60).ToString("D2", CultureInfo.InvariantCulture)).Append(':')
                    .Append((abs % 60).ToString("D2", CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }

    /// <summary>The offset date-time as a <see cref="DateTimeOffset"/> (fraction truncated to ticks, second 60 clamped to 59).</summary>
    public DateTimeOffset ToDateTimeOffset()
    {
        if (OffsetMinutes is not int offset)
        {
            throw new InvalidOperationException("Only an offset date-time converts to DateTimeOffset.");
        }
        return new DateTimeOffset(ToDateTime(), TimeSpan.FromMinutes(offset));
    }

    /// <summary>Date and time (local date-times, or the clock time of an offset date-time).</summary>
    public DateTime ToDateTime()
    {
        if (!HasDate)
        {
            throw new InvalidOperationException("A local time has no date.");
        }
        var date = new DateTime(Year, Month, Day, 0, 0, 0, System.DateTimeKind.Unspecified);
        return HasTime ? date.Add(ToTimeOnly().ToTimeSpan()) : date;
    }

    public DateOnly ToDateOnly() => HasDate
        ? new DateOnly(Year, Month, Day)
        : throw new InvalidOperationException("A local time has no date.");

    public TimeOnly ToTimeOnly() => HasTime
        ? new TimeOnly(Hour, Minute, Math.Min(Second, 59)).Add(TimeSpan.FromTicks(Nanosecond / 100))
        : throw new InvalidOperationException("A local date has no time.");

    public override TomlDateTime Clone()
        => new(DateTimeKind, Year, Month, Day, Hour, Minute, Second, HasSeconds, Fraction, OffsetMinutes, IsZulu, Raw) { Node = Node.CloneDetached() };

    internal override void WriteTo(TomlTextBuilder sb) => sb.Append(Node.Raw);
}

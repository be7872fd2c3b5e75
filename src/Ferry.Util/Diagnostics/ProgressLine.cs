using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Ferry.Util.Diagnostics;

/// <summary>
/// A transient progress line on stderr, drawn the way Cargo's <c>Progress</c> draws it: the
/// status right-aligned, a bar and the count (<c>Downloading [====>    ] 12/255: ...</c>) or a
/// bare message, padded and ended by a carriage return so the next line replaces it. Disabled
/// unless stderr is a terminal (or <c>term.progress.when = "always"</c>); a disabled line ignores
/// every call, so callers never branch on it.
/// </summary>
/// <remarks>
/// Drawing is throttled as in Cargo: nothing for the first 500 ms (short operations do not
/// flicker), then at most every 100 ms — except <see cref="PrintNow"/>, which always draws.
/// Thread-safe: downloads report from many tasks.
/// </remarks>
public sealed class ProgressLine
{
    private const int StatusColumns = 15;
    private const int MaxBarWidth = 50;
    private const long FirstDelayMs = 500;
    private const long IntervalMs = 100;

    private readonly IShell _shell;
    private readonly string _name;
    private readonly ProgressStyle _style;
    private readonly int? _fixedWidth;
    private readonly Lock _lock = new();
    private readonly Stopwatch _sinceUpdate = Stopwatch.StartNew();
    private bool _first = true;
    private string? _lastLine;

    private ProgressLine(IShell shell, string name, ProgressStyle style, int? width, int? fixedWidth)
    {
        _shell = shell;
        _name = name;
        _style = style;
        Width = width;
        _fixedWidth = fixedWidth;
    }

    /// <summary>Whether anything is ever drawn.</summary>
    public bool IsEnabled => Width is not null;

    private int? Width { get; set; }

    /// <summary>
    /// A progress line per Cargo's rules: <paramref name="when"/> is <c>term.progress.when</c>
    /// (<c>auto</c>, <c>always</c>, <c>never</c>); under <c>auto</c> it is drawn only on a terminal,
    /// not with <c>--quiet</c>, and not when <paramref name="suppressed"/> (<c>TERM=dumb</c>, CI).
    /// </summary>
    public static ProgressLine Create(IShell shell, string name, ProgressStyle style, string when, int? configuredWidth, bool suppressed)
    {
        ArgumentNullException.ThrowIfNull(shell);
        var enabled = when switch
        {
            "always" => true,
            "never" => false,
            _ => shell.Verbosity != Verbosity.Quiet && !suppressed,
        };
        var width = enabled ? configuredWidth ?? shell.ProgressWidth : null;
        return new ProgressLine(shell, name, style, width, configuredWidth);
    }

    /// <summary>A line that never draws.</summary>
    public static ProgressLine Disabled(IShell shell) => new(shell, string.Empty, ProgressStyle.Indeterminate, null, null);

    /// <summary>Whether the throttle lets an update through now (and counts it as one).</summary>
    public bool UpdateAllowed()
    {
        lock (_lock)
        {
            return IsEnabled && Allowed();
        }
    }

    /// <summary>Draws the bar for <paramref name="current"/> of <paramref name="max"/> and a message, if the throttle allows.</summary>
    public void Tick(long current, long max, string message)
    {
        lock (_lock)
        {
            if (IsEnabled && Allowed())
            {
                Draw(Bar(current, max), message);
            }
        }
    }

    /// <summary>Draws the bar now, whatever the throttle says.</summary>
    public void TickNow(long current, long max, string message)
    {
        lock (_lock)
        {
            if (IsEnabled)
            {
                Touch();
                Draw(Bar(current, max), message);
            }
        }
    }

    /// <summary>Draws just a message (Cargo's <c>print_now</c>: <c>Downloading 3 crates</c>), whatever the throttle says.</summary>
    public void PrintNow(string message)
    {
        lock (_lock)
        {
            if (IsEnabled)
            {
                Touch();
                Draw(string.Empty, message);
            }
        }
    }

    /// <summary>Removes the line from the terminal.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            if (_lastLine is not null)
            {
                _shell.ClearTransient();
                _lastLine = null;
            }
        }
    }

    /// <summary>The bar text for a count, as Cargo formats it (for tests and callers that compose lines).</summary>
    public static string? FormatBar(ProgressStyle style, long current, long max, int maxWidth)
    {
        var pct = max == 0 ? 0.0 : (double)current / max;
        if (!double.IsFinite(pct))
        {
            pct = 0;
        }

        var stats = style switch
        {
            ProgressStyle.Percentage => " " + (pct * 100).ToString("0.00", CultureInfo.InvariantCulture).PadLeft(6),
            ProgressStyle.Ratio => string.Create(CultureInfo.InvariantCulture, $" {current}/{max}"),
            _ => string.Empty,
        };
        var displayWidth = Math.Min(maxWidth, MaxBarWidth) - (stats.Length + 2 + StatusColumns);
        if (displayWidth < 0)
        {
            return null;
        }

        var hashes = (int)(displayWidth * pct);
        var bar = new StringBuilder(maxWidth);
        bar.Append('[');
        if (hashes > 0)
        {
            bar.Append('=', hashes - 1).Append(current == max ? '=' : '>');
        }

        bar.Append(' ', Math.Max(0, displayWidth - hashes)).Append(']').Append(stats);
        return bar.ToString();
    }

    private string Bar(long current, long max) => FormatBar(_style, Math.Min(current, max), max, WidthNow()) ?? string.Empty;

    private int WidthNow()
    {
        if (_fixedWidth is null && _shell.ProgressWidth is { } now)
        {
            Width = now;
        }

        return Width ?? 0;
    }

    private void Draw(string prefix, string message)
    {
        var width = WidthNow();
        if (width < StatusColumns)
        {
            return;
        }

        var line = new StringBuilder(prefix, width);
        var available = width - line.Length - StatusColumns;
        if (available > 3)
        {
            // Cargo's render: keep what fits, end with an ellipsis when the message is cut.
            if (message.Length <= available)
            {
                line.Append(message);
            }
            else
            {
                line.Append(message, 0, available - 3).Append("...");
            }
        }

        if (line.Length < width - StatusColumns)
        {
            line.Append(' ', width - StatusColumns - line.Length);
        }

        // Always drawn: a status line printed in between has erased the previous one.
        _lastLine = line.ToString();
        _shell.Transient(_name, _lastLine);
    }

    private bool Allowed()
    {
        var limit = _first ? FirstDelayMs : IntervalMs;
        if (_sinceUpdate.ElapsedMilliseconds < limit)
        {
            return false;
        }

        Touch();
        return true;
    }

    private void Touch()
    {
        _first = false;
        _sinceUpdate.Restart();
    }
}

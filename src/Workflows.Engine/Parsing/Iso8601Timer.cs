using System.Globalization;

namespace Workflows.Engine.Parsing;

/// <summary>
/// Reads the ISO 8601 literals a BPMN timer may hold. Each <c>TryParse…</c> has an overload that
/// also says, in plain English, what is wrong with a value it refuses.
/// </summary>
/// <remarks>
/// A duration becomes a <see cref="TimeSpan"/>, so a day is 24 clock hours and a week 7 such days,
/// whatever the calendar (a timer armed the Saturday before the clocks change is due 24 hours later,
/// not at the same wall-clock time). Months and years have no fixed length and are refused: write
/// days (<c>P30D</c>) or an expression such as <c>workingDays(20)</c>.
/// </remarks>
public static class Iso8601Timer
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
    ];

    /// <summary>
    /// True when <paramref name="text"/> is meant as an ISO 8601 literal (a duration <c>P…</c>, a
    /// cycle <c>R…/</c> or a date <c>yyyy-…</c>) rather than a JavaScript expression. A literal that
    /// looks like ISO 8601 but doesn't parse is an error, never silently treated as an expression.
    /// </summary>
    public static bool LooksLikeIso8601(string text)
    {
        var s = text.AsSpan().Trim();
        if (s.Length < 2) return false;
        var first = char.ToUpperInvariant(s[0]);
        if (first == 'P') return char.IsAsciiDigit(s[1]) || char.ToUpperInvariant(s[1]) == 'T';
        if (first == 'R')
        {
            var i = 1;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            return i < s.Length && s[i] == '/';
        }
        return s.Length >= 5 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2])
               && char.IsAsciiDigit(s[3]) && s[4] == '-';
    }

    public static bool TryParseDuration(string text, out TimeSpan duration) =>
        TryParseDuration(text, out duration, out _);

    /// <summary>Reads <c>PnW</c> or <c>PnDTnHnMnS</c> (e.g. <c>PT24H</c>, <c>P5D</c>, <c>P1DT2H</c>, <c>PT0.5S</c>).</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration, out string? error)
    {
        duration = TimeSpan.Zero;
        error = ReadDuration(text.Trim().ToUpperInvariant(), out var seconds);
        if (error is not null) return false;
        duration = TimeSpan.FromTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond));
        return true;
    }

    public static bool TryParseDateTime(string text, out DateTimeOffset instant) =>
        TryParseDateTime(text, out instant, out _);

    /// <summary>
    /// Reads a date-time with a time zone offset, e.g. <c>2026-12-01T17:00:00Z</c> or
    /// <c>2026-06-01T09:00:00+01:00</c>. The offset is required: a deadline must not depend on the
    /// server's time zone.
    /// </summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset instant, out string? error)
    {
        instant = default;
        var s = text.Trim().ToUpperInvariant();
        var t = s.IndexOf('T');
        if (t < 0)
        {
            error = $"'{text}' is not an ISO 8601 date-time: it needs a time and an offset, e.g. 2026-12-01T17:00:00Z";
            return false;
        }
        if (!s.EndsWith('Z') && s.IndexOfAny(['+', '-'], t) < 0)
        {
            error = $"'{text}' has no time zone offset: add Z (UTC) or an offset such as +01:00";
            return false;
        }
        if (!DateTimeOffset.TryParseExact(s, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant))
        {
            error = $"'{text}' is not an ISO 8601 date-time such as 2026-12-01T17:00:00Z";
            return false;
        }
        error = null;
        return true;
    }

    public static bool TryParseCycle(string text, out Iso8601Cycle cycle) =>
        TryParseCycle(text, out cycle, out _);

    /// <summary>Reads <c>R[n]/duration</c> or <c>R[n]/start/duration</c>; <c>R/</c> repeats without limit.</summary>
    public static bool TryParseCycle(string text, out Iso8601Cycle cycle, out string? error)
    {
        cycle = new Iso8601Cycle(null, null, TimeSpan.Zero);
        var parts = text.Trim().Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || char.ToUpperInvariant(parts[0][0]) != 'R')
        {
            error = $"'{text}' is not an ISO 8601 cycle such as R3/PT1H, R/P1D or R3/2026-01-01T00:00:00Z/PT1H";
            return false;
        }

        int? repetitions = null;
        if (parts[0].Length > 1)
        {
            if (!int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                error = $"'{parts[0]}' in '{text}' is not a repeat count such as R3";
                return false;
            }
            if (n == 0)
            {
                error = $"'{text}' repeats zero times, so it would never fire";
                return false;
            }
            repetitions = n;
        }

        DateTimeOffset? start = null;
        if (parts.Length == 3)
        {
            if (TryParseDuration(parts[1], out _))
            {
                error = $"'{text}' ends with an end date (R/duration/end), which is not supported: write R[n]/start/duration";
                return false;
            }
            if (!TryParseDateTime(parts[1], out var startAt, out error)) return false;
            start = startAt;
        }

        if (!TryParseDuration(parts[^1], out var interval, out error)) return false;
        if (interval <= TimeSpan.Zero)
        {
            error = $"the interval of '{text}' must be longer than zero";
            return false;
        }
        cycle = new Iso8601Cycle(repetitions, start, interval);
        error = null;
        return true;
    }

    // Unit order as ISO 8601 writes it; W stands alone (ISO 8601-1 doesn't combine weeks with other units).
    private enum Unit { Year, Month, Week, Day, Hour, Minute, Second }

    private static string? ReadDuration(string s, out decimal seconds)
    {
        seconds = 0;
        const string example = "e.g. PT24H, P5D or P1DT2H";
        if (s.Length == 0) return "the duration is empty";
        if (s[0] != 'P') return $"'{s}' is not an ISO 8601 duration: it must start with P, {example}";

        var i = 1;
        var inTime = false;
        Unit? last = null;
        var components = 0;
        var fractionSeen = false;
        while (i < s.Length)
        {
            if (s[i] == 'T')
            {
                if (inTime) return $"'{s}' has T twice";
                inTime = true;
                i++;
                if (i == s.Length) return $"'{s}' has nothing after T, {example}";
                continue;
            }

            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] is '.' or ',')) i++;
            if (i == start || i == s.Length)
                return $"'{s}' is not an ISO 8601 duration: expected a number and a unit at position {start + 1}, {example}";
            if (fractionSeen) return $"'{s}' has a fraction before its last unit; only the last unit may have one";
            var number = s[start..i].Replace(',', '.');
            if (number.Length > 15 || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                return $"'{s}' has a number ISO 8601 doesn't allow or one too large: '{number}'";
            fractionSeen = number.Contains('.');

            var designator = s[i++];
            Unit? unit = (inTime, designator) switch
            {
                (false, 'Y') => Unit.Year,
                (false, 'M') => Unit.Month,
                (false, 'W') => Unit.Week,
                (false, 'D') => Unit.Day,
                (true, 'H') => Unit.Hour,
                (true, 'M') => Unit.Minute,
                (true, 'S') => Unit.Second,
                _ => null,
            };
            if (unit is null)
            {
                return designator is 'H' or 'S' && !inTime
                    ? $"'{s}' needs T before hours, minutes and seconds, e.g. PT{number}{designator}"
                    : $"'{s}': '{designator}' is not an ISO 8601 duration unit here, {example}";
            }
            if (unit is Unit.Year or Unit.Month)
                return $"'{s}' uses {(unit == Unit.Year ? "years" : "months")}, which have no fixed length: write days (e.g. P30D) or an expression such as workingDays(20)";
            if ((unit == Unit.Week && components > 0) || last == Unit.Week)
                return $"'{s}' combines weeks with other units: write days instead, e.g. P9D";
            if (last is not null && unit <= last) return $"'{s}' has its units out of order or repeated, {example}";

            seconds += value * unit switch
            {
                Unit.Week => 7 * 86_400,
                Unit.Day => 86_400,
                Unit.Hour => 3_600,
                Unit.Minute => 60,
                _ => 1,
            };
            last = unit;
            components++;
        }

        if (components == 0) return $"'{s}' has no value, {example}";
        if (seconds > (decimal)TimeSpan.MaxValue.TotalSeconds - 1) return $"'{s}' is too long";
        return null;
    }
}

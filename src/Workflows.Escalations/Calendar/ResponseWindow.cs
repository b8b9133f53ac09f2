using System.Globalization;

namespace Workflows.Escalations.Calendar;

/// <summary>
/// How long a recipient has to respond: N working days or N clock hours. Written in protocol
/// configuration as <c>"5wd"</c> (5 working days) or <c>"24h"</c> (24 hours); see <see cref="Parse"/>.
/// </summary>
public sealed record ResponseWindow
{
    private const string WorkingDaysSuffix = "wd";
    private const string HoursSuffix = "h";

    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="amount"/> is less than 1 (a window of zero or negative length cannot be met), or
    /// <paramref name="kind"/> is not a defined <see cref="ResponseWindowKind"/>.
    /// </exception>
    public ResponseWindow(ResponseWindowKind kind, int amount)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown response window kind.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, 1);

        Kind = kind;
        Amount = amount;
    }

    /// <summary>Whether <see cref="Amount"/> counts working days or clock hours.</summary>
    public ResponseWindowKind Kind { get; }

    /// <summary>Number of working days or hours, at least 1.</summary>
    public int Amount { get; }

    /// <summary>"Within <paramref name="amount"/> working days".</summary>
    public static ResponseWindow WorkingDays(int amount) => new(ResponseWindowKind.WorkingDays, amount);

    /// <summary>"Within <paramref name="amount"/> hours".</summary>
    public static ResponseWindow Hours(int amount) => new(ResponseWindowKind.Hours, amount);

    /// <summary>
    /// The due instant (UTC) of a window opened at <paramref name="raisedAt"/>, by the rule for its
    /// <see cref="Kind"/>: <see cref="WorkingDayCalendar.DueWithinWorkingDays"/> or
    /// <see cref="WorkingDayCalendar.DueWithinHours"/>.
    /// </summary>
    public DateTimeOffset DueFrom(DateTimeOffset raisedAt, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);

        return Kind switch
        {
            ResponseWindowKind.WorkingDays => calendar.DueWithinWorkingDays(raisedAt, Amount),
            ResponseWindowKind.Hours => calendar.DueWithinHours(raisedAt, Amount),
            _ => throw new InvalidOperationException($"Unknown response window kind {Kind}."),
        };
    }

    /// <summary>
    /// Parses <c>"&lt;n&gt;wd"</c> (working days) or <c>"&lt;n&gt;h"</c> (hours), case-insensitive, surrounding
    /// whitespace ignored, e.g. <c>"5wd"</c>, <c>"24h"</c>, <c>"25H"</c>.
    /// </summary>
    /// <exception cref="FormatException">The text is not of either form.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The number is less than 1 (e.g. <c>"-3wd"</c>).</exception>
    public static ResponseWindow Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var trimmed = text.Trim();
        var (kind, number) =
            trimmed.EndsWith(WorkingDaysSuffix, StringComparison.OrdinalIgnoreCase)
                ? (ResponseWindowKind.WorkingDays, trimmed[..^WorkingDaysSuffix.Length])
            : trimmed.EndsWith(HoursSuffix, StringComparison.OrdinalIgnoreCase)
                ? (ResponseWindowKind.Hours, trimmed[..^HoursSuffix.Length])
            : throw Malformed(text);

        if (!int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            throw Malformed(text);
        }
        return new ResponseWindow(kind, amount);
    }

    /// <summary>The configuration form: <c>"5wd"</c> or <c>"24h"</c>; <see cref="Parse"/> reads it back.</summary>
    public override string ToString() =>
        Amount.ToString(CultureInfo.InvariantCulture) + (Kind == ResponseWindowKind.WorkingDays ? WorkingDaysSuffix : HoursSuffix);

    private static FormatException Malformed(string text) =>
        new($"'{text}' is not a response window: expected a whole number followed by 'wd' (working days) or 'h' (hours), e.g. '5wd' or '24h'.");
}

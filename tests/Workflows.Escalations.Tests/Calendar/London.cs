using System.Globalization;

namespace Workflows.Escalations.Tests.Calendar;

/// <summary>
/// Instants written as a Londoner reads them, with the offset spelt out (GMT +00:00 in winter,
/// BST +01:00 in summer) so expected values never depend on the code under test.
/// </summary>
internal static class London
{
    public static DateTimeOffset Gmt(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static DateTimeOffset Bst(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(1));

    /// <summary>An ISO date such as "2026-12-28", whatever the machine's culture.</summary>
    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The wall-clock time in London at <paramref name="instant"/>.</summary>
    public static DateTime WallClock(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
}

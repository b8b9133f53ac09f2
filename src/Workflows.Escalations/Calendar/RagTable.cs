using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Workflows.Escalations.Calendar;

/// <summary>
/// A protocol's RAG table: which <see cref="ResponseWindow"/> each rating gives the recipient, e.g.
/// GREEN → 5 working days, AMBER → 3 working days, RED → 24 hours.
/// </summary>
/// <remarks>
/// The table is per protocol because protocols differ (one gives RED 25 hours rather than 24), so it is
/// configuration, not code: see <see cref="Parse"/>. Ratings are matched case-insensitively, since they
/// arrive from forms and configuration files written by people; <see cref="Ratings"/> keeps the
/// spelling the table was configured with. Immutable.
/// </remarks>
public sealed class RagTable
{
    private readonly FrozenDictionary<string, ResponseWindow> _windows;

    /// <exception cref="ArgumentException">
    /// The table is empty, a rating is blank, or two ratings differ only in case.
    /// </exception>
    public RagTable(IEnumerable<KeyValuePair<string, ResponseWindow>> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);

        var table = new Dictionary<string, ResponseWindow>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rating, window) in windows)
        {
            if (string.IsNullOrWhiteSpace(rating))
            {
                throw new ArgumentException("A RAG rating must not be blank.", nameof(windows));
            }
            ArgumentNullException.ThrowIfNull(window, $"{nameof(windows)}[{rating}]");
            if (!table.TryAdd(rating.Trim(), window))
            {
                throw new ArgumentException($"RAG rating '{rating}' appears more than once (ratings ignore case).",
                    nameof(windows));
            }
        }
        if (table.Count == 0)
        {
            throw new ArgumentException("A RAG table needs at least one rating.", nameof(windows));
        }

        _windows = table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Ratings = [.. _windows.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The common table: GREEN 5 working days, AMBER 3 working days, RED 24 hours.</summary>
    public static RagTable Default { get; } = new(new Dictionary<string, ResponseWindow>
    {
        ["GREEN"] = ResponseWindow.WorkingDays(5),
        ["AMBER"] = ResponseWindow.WorkingDays(3),
        ["RED"] = ResponseWindow.Hours(24),
    });

    /// <summary>The configured ratings, in ordinal order.</summary>
    public IReadOnlyList<string> Ratings { get; }

    /// <summary>Rating → window, looked up case-insensitively.</summary>
    public IReadOnlyDictionary<string, ResponseWindow> Windows => _windows;

    /// <summary>
    /// Builds a table from configuration text, e.g. <c>{ "GREEN": "5wd", "AMBER": "3wd", "RED": "25h" }</c>;
    /// each value is read by <see cref="ResponseWindow.Parse"/>.
    /// </summary>
    /// <exception cref="FormatException">A window is not of the form <c>"5wd"</c> / <c>"24h"</c>; the message names the rating.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A window's number is less than 1.</exception>
    /// <exception cref="ArgumentException">As for the constructor.</exception>
    public static RagTable Parse(IEnumerable<KeyValuePair<string, string>> table)
    {
        ArgumentNullException.ThrowIfNull(table);

        return new RagTable(table.Select(entry =>
        {
            try
            {
                return KeyValuePair.Create(entry.Key, ResponseWindow.Parse(entry.Value));
            }
            catch (FormatException e)
            {
                throw new FormatException($"RAG rating '{entry.Key}': {e.Message}", e);
            }
        }).ToList());
    }

    /// <summary>The window for <paramref name="rating"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The rating is not in this table; the message lists the ratings that are.
    /// </exception>
    public ResponseWindow WindowFor(string rating)
    {
        ArgumentNullException.ThrowIfNull(rating);

        return TryGetWindow(rating, out var window)
            ? window
            : throw new ArgumentException(
                $"Unknown RAG rating '{rating}'. Allowed ratings: {string.Join(", ", Ratings)}.", nameof(rating));
    }

    /// <summary>Looks up <paramref name="rating"/> without throwing.</summary>
    public bool TryGetWindow(string? rating, [MaybeNullWhen(false)] out ResponseWindow window)
    {
        if (rating is null)
        {
            window = null;
            return false;
        }
        return _windows.TryGetValue(rating.Trim(), out window);
    }

    /// <summary>
    /// The due instant (UTC) for an escalation rated <paramref name="rating"/> and raised at
    /// <paramref name="raisedAt"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The rating is not in this table.</exception>
    public DateTimeOffset DueFrom(string rating, DateTimeOffset raisedAt, WorkingDayCalendar calendar) =>
        WindowFor(rating).DueFrom(raisedAt, calendar);
}

using Workflows.Escalations.Calendar;

namespace Workflows.Escalations.Functions;

/// <summary>
/// The time rules of one protocol: its calendar (bank holidays + the authority's closure days), its
/// RAG table (000, 002) or fixed per-level window (001, 003, 004), how long before a window ends the
/// reminder goes, and the whole-process limit (20 working days in 000, 002, 004; none elsewhere).
/// </summary>
public sealed record ProtocolTimings(
    WorkingDayCalendar Calendar,
    RagTable? RagTable,
    ResponseWindow? FixedWindow,
    ResponseWindow? ReminderBefore,
    ResponseWindow? OverallLimit)
{
    /// <summary>The response window at a rung: by RAG where the protocol rates, else its fixed window.</summary>
    public ResponseWindow WindowFor(string? rag)
    {
        if (RagTable is not null && rag is not null) return RagTable.WindowFor(rag);
        if (FixedWindow is not null) return FixedWindow;
        if (RagTable is not null)
            throw new ArgumentException($"This protocol's windows are RAG-rated: give a rating ({string.Join(", ", RagTable.Ratings)}).");
        throw new InvalidOperationException("The protocol defines neither a RAG table nor a fixed window.");
    }

    /// <summary>
    /// When the reminder goes before a window ends. Working-day windows: one working day before the
    /// end (or the configured <see cref="ReminderBefore"/>); clock-hour windows: a quarter of the window
    /// before the end (6 hours of a RED 24-hour window), never less than one hour.
    /// </summary>
    public DateTimeOffset ReminderFor(string? rag, DateTimeOffset now)
    {
        var window = WindowFor(rag);
        var due = window.DueFrom(now, Calendar);
        if (window.Kind == ResponseWindowKind.Hours)
            return due - TimeSpan.FromHours(Math.Max(1, window.Amount / 4));
        var before = ReminderBefore is { Kind: ResponseWindowKind.WorkingDays } r ? r.Amount : 1;
        var reminderDays = window.Amount - before;
        // A one-day window leaves no earlier working day: remind at the start of that day instead
        // (the first working day's end minus a working day's worth of hours).
        return reminderDays >= 1
            ? Calendar.DueWithinWorkingDays(now, reminderDays)
            : due - TimeSpan.FromHours(8);
    }
}

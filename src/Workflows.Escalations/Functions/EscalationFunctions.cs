using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Engine.Expressions;

namespace Workflows.Escalations.Functions;

/// <summary>
/// The functions protocol timers call (docs/esc-extension.md). Each is evaluated once, when the timer
/// is armed, at the command's instant; the engine stores the due instant it returns.
/// </summary>
public static class EscalationFunctions
{
    public static IReadOnlyList<IHostFunction> All(IProtocolTimingsSource timings) =>
    [
        new HostFunction("workingDays", (c, a) =>
        {
            var t = timings.For(c.DefinitionKey);
            // workingDays(n, from): counted from an earlier instant (e.g. when a rung began, so that returning to the
            // rung after a refused gate keeps its original limit) instead of from now. A missing `from` means now.
            var from = a.Count > 1 ? Instant(a[1], t) : null;
            return t.Calendar.DueWithinWorkingDays(from ?? c.Now, Int(a, 0, "workingDays"));
        }),
        new HostFunction("hours", (c, a) => timings.For(c.DefinitionKey).Calendar.DueWithinHours(c.Now, Int(a, 0, "hours"))),
        new HostFunction("responseWindow", (c, a) =>
        {
            var t = timings.For(c.DefinitionKey);
            // responseWindow(rag, from): the window of a rung that began at `from` (e.g. variables.stageEnteredAt),
            // so that a rung resumed after a refused bypass keeps its original deadline. A missing `from` means now.
            var from = a.Count > 1 ? Instant(a[1], t) : null;
            return t.WindowFor(Text(a, 0)).DueFrom(from ?? c.Now, t.Calendar);
        }),
        new HostFunction("reminderBefore", (c, a) =>
        {
            var t = timings.For(c.DefinitionKey);
            var from = a.Count > 1 ? Instant(a[1], t) : null;
            return t.ReminderFor(Text(a, 0), from ?? c.Now);
        }),
        new HostFunction("overallDeadline", (c, _) =>
        {
            var t = timings.For(c.DefinitionKey);
            var limit = t.OverallLimit ?? throw new InvalidOperationException(
                $"Protocol '{c.DefinitionKey}' sets no whole-process limit, so overallDeadline() has no meaning here.");
            // 20 working days run from the first formal escalation, not from the informal rung.
            var from = Instant(c.Variables.GetValueOrDefault(EscalationVariables.FirstFormalAt), t) ?? c.Now;
            return limit.DueFrom(from, t.Calendar);
        }),
        new HostFunction("date", (c, a) =>
            Instant(a.Count > 0 ? a[0] : null, timings.For(c.DefinitionKey))
            ?? throw new ArgumentException("date(value) needs an ISO 8601 date or date-time, e.g. date(actionsDueAt).")),
    ];

    /// <summary>
    /// Reads an instant from a variable or argument. A date without a time (an agreed date) means the
    /// end of that working day in the authority's time zone: "by Friday" is Friday 17:00, not midnight.
    /// </summary>
    internal static DateTimeOffset? Instant(object? value, ProtocolTimings timings)
    {
        var text = value switch
        {
            null => null,
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTime d => new DateTimeOffset(d, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture),
            JsonValue j when j.GetValueKind() == JsonValueKind.String => j.GetValue<string>(),
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            _ => value.ToString(),
        };
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return timings.Calendar.EndOfWorkingDayUtc(day);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant.ToUniversalTime();
        throw new ArgumentException($"'{text}' is not an ISO 8601 date or date-time.");
    }

    private static int Int(IReadOnlyList<object?> args, int index, string function)
    {
        if (args.Count <= index || args[index] is null)
            throw new ArgumentException($"{function}(n) needs a whole number.");
        var n = Convert.ToDouble(args[index], CultureInfo.InvariantCulture);
        if (n != Math.Floor(n) || n < 1) throw new ArgumentException($"{function}(n) needs a whole number of at least 1, not {n}.");
        return (int)n;
    }

    private static string? Text(IReadOnlyList<object?> args, int index) =>
        args.Count > index && args[index] is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    private sealed class HostFunction(string name, Func<HostFunctionContext, IReadOnlyList<object?>, object?> body) : IHostFunction
    {
        public string Name => name;
        public object? Invoke(HostFunctionContext context, IReadOnlyList<object?> arguments) => body(context, arguments);
    }
}

using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Workflows.Engine.Model;
using Workflows.Engine.Parsing;

namespace Workflows.Engine.Expressions;

public sealed partial class JintExpressionEvaluator
{
    /// <remarks>
    /// An ISO 8601 literal is read directly (never run as JavaScript). Anything else is an expression
    /// whose value may be an ISO duration string (due that long from now), an ISO date-time string or
    /// a JS <c>Date</c> (due then), or — for a cycle — an ISO cycle string. Host functions returning a
    /// <see cref="DateTimeOffset"/> or <see cref="TimeSpan"/> arrive here as a <c>Date</c> or a duration.
    /// A duration given to a <c>timeCycle</c> repeats without limit.
    /// </remarks>
    public DateTimeOffset EvaluateTimerDue(TimerDefinition timer, ExpressionScope scope, out int? repeats,
        out TimeSpan? interval)
    {
        repeats = null;
        interval = null;
        var text = timer.Value.Trim();
        if (text.Length == 0) throw new ExpressionException(timer.Value, "The timer has no value.");
        if (Iso8601Timer.LooksLikeIso8601(text)) return FromIsoText(timer, text, text, scope.Now, out repeats, out interval);

        var value = Run(text, scope, static (_, value) => value switch
        {
            JsDate date when !double.IsNaN(date.DateValue) => (object)DateTimeOffset.FromUnixTimeMilliseconds((long)date.DateValue),
            _ when value.IsString() => value.AsString(),
            _ => value.Type.ToString().ToLowerInvariant(),
        });
        return value switch
        {
            DateTimeOffset instant => instant,
            string iso when Iso8601Timer.LooksLikeIso8601(iso) => FromIsoText(timer, iso, text, scope.Now, out repeats, out interval),
            _ => throw new ExpressionException(text,
                $"Timer expression '{text}' gave {Describe(value)}, not an ISO 8601 duration (PT24H), date-time " +
                "(2026-12-01T17:00:00Z) or cycle (R3/PT1H), nor a Date."),
        };
    }

    private static string Describe(object value) => value is string s ? $"'{s}'" : "a value";

    private static DateTimeOffset FromIsoText(TimerDefinition timer, string iso, string expression, DateTimeOffset now,
        out int? repeats, out TimeSpan? interval)
    {
        repeats = null;
        interval = null;
        string? error;
        switch (char.ToUpperInvariant(iso[0]))
        {
            case 'R':
                if (!Iso8601Timer.TryParseCycle(iso, out var cycle, out error)) break;
                repeats = cycle.Repetitions;
                interval = cycle.Interval;
                return cycle.Start ?? now + cycle.Interval;
            case 'P':
                if (!Iso8601Timer.TryParseDuration(iso, out var duration, out error)) break;
                if (timer.Kind == TimerKind.Cycle) interval = duration;
                return now + duration;
            default:
                if (Iso8601Timer.TryParseDateTime(iso, out var instant, out error)) return instant;
                break;
        }
        throw new ExpressionException(expression, $"Timer value {error}");
    }
}

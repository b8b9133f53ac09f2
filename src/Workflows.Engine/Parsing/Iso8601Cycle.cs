namespace Workflows.Engine.Parsing;

/// <summary>
/// An ISO 8601 repeating interval as BPMN <c>timeCycle</c> uses it: <c>R3/PT1H</c>, <c>R/P1D</c> or
/// <c>R3/2026-01-01T00:00:00Z/PT1H</c>.
/// </summary>
/// <param name="Repetitions">How many times the timer fires; null for <c>R/</c> (until its owner ends).</param>
/// <param name="Start">When the first interval begins; null means "when the timer is armed".</param>
/// <param name="Interval">The time between firings; always longer than zero.</param>
public sealed record Iso8601Cycle(int? Repetitions, DateTimeOffset? Start, TimeSpan Interval);

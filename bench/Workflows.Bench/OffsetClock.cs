namespace Workflows.Bench;

/// <summary>
/// Real time plus an offset that only grows: commands run at wall-clock pace, and <see cref="Advance"/> jumps a
/// day ahead so that the ladder's PT24H timers fall due without waiting for them.
/// </summary>
public sealed class OffsetClock(TimeProvider inner) : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref offsetTicks, by.Ticks);
    }
}

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Workflows.Engine.EntityFrameworkCore.Conversions;

/// <summary>
/// A due instant for PostgreSQL's timestamptz, which keeps microseconds where .NET keeps 100 ns ticks: rounded
/// up to the next whole microsecond (in UTC), so that a timer is never claimable before its due instant. It may
/// become claimable up to 1 µs late; the exact instant stays in the instance state.
/// </summary>
public sealed class DueInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => RoundUpToMicrosecond(v),
    v => v.ToUniversalTime())
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset RoundUpToMicrosecond(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        var remainder = ticks % TicksPerMicrosecond;
        return new DateTimeOffset(remainder == 0 ? ticks : ticks + TicksPerMicrosecond - remainder, TimeSpan.Zero);
    }
}

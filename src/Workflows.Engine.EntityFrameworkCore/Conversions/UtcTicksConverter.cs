using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Workflows.Engine.EntityFrameworkCore.Conversions;

/// <summary>
/// An instant as UTC ticks (100 ns since 0001-01-01 UTC): exact, and an integer, so SQL compares and
/// orders it correctly. Read back with offset zero; the instant is unchanged.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero))
{
    public static readonly UtcTicksConverter Instance = new();
}

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Workflows.Engine.EntityFrameworkCore.Conversions;

/// <summary>
/// Normalises an instant to offset zero before it reaches PostgreSQL: Npgsql refuses to write a
/// <see cref="DateTimeOffset"/> with any other offset to a timestamptz column.
/// </summary>
public sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v.ToUniversalTime());

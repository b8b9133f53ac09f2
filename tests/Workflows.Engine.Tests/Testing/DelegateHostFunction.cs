using Workflows.Engine.Expressions;

namespace Workflows.Engine.Tests.Testing;

internal sealed class DelegateHostFunction(string name, Func<HostFunctionContext, IReadOnlyList<object?>, object?> invoke)
    : IHostFunction
{
    public string Name { get; } = name;
    public object? Invoke(HostFunctionContext context, IReadOnlyList<object?> arguments) => invoke(context, arguments);

    /// <summary>A stand-in for the domain's working-day calendar: the n-th weekday after today, at 17:00 UTC.</summary>
    public static readonly DelegateHostFunction WorkingDays = new("workingDays", (context, arguments) =>
    {
        var n = Convert.ToInt32(arguments[0]);
        var day = context.Now.UtcDateTime.Date;
        while (n > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) n--;
        }
        return new DateTimeOffset(day.AddHours(17), TimeSpan.Zero);
    });
}

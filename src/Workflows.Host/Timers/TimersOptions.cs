using System.ComponentModel.DataAnnotations;

namespace Workflows.Host.Timers;

/// <summary>Configuration section <c>Timers</c>: the timer pump.</summary>
public sealed class TimersOptions
{
    public const string Section = "Timers";

    /// <summary>Run the pump in this host (tests switch it off and call <c>TimerPump.RunOnceAsync</c>).</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>A claimed timer is this host's for this long; after a crash another host takes it.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Longest sleep without looking at the store. Timers this host commits wake it at once; timers another
    /// host commits are seen within this bound.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxIdle { get; set; } = TimeSpan.FromSeconds(30);
}

using Workflows.Escalations.Escalating;

namespace Workflows.Escalations.Tests.Escalating;

public sealed class EscalationServiceSmokeTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_five_protocols_load_without_problems()
    {
        var h = await EscalationHarness.CreateAsync(Wednesday);
        Assert.Empty(h.Protocols.Problems);
        Assert.Equal(["blackpool", "devon", "lcs-authority", "north-somerset", "northamptonshire"], h.Protocols.Keys);
    }

    [Theory]
    [InlineData("north-somerset", "Quality of assessment", "AMBER")]
    [InlineData("devon", "Quality of assessment", "AMBER")]
    public async Task An_escalation_starts_and_reaches_its_first_rung(string protocol, string category, string rag)
    {
        var h = await EscalationHarness.CreateAsync(Wednesday);
        var view = await h.Service.StartAsync(new StartEscalation(protocol, "C-1", "child-in-care", "IRO", "iro-1",
            category, rag, "Plan drift", "No permanence plan", "Convene a planning meeting"), null, "iro-1", default);
        Assert.Equal("open", view.Status);
        Assert.NotNull(view.CurrentStage);
        await h.AssertJournalsReplayAsync();
    }
}

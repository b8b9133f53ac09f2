using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Escalations.Escalating;

namespace Workflows.Escalations.Tests.Scenarios;

/// <summary>
/// Runs every scenario of every protocol through the real engine with a fake clock, and checks the rung
/// sequence, the recipients and CCs of every notification, the deadlines, the final state, and that
/// the journal replays to the stored state.
/// </summary>
public sealed class ScenarioTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Scenarios");

    private static readonly Lazy<IReadOnlyList<ScenarioFile>> Files = new(() => Directory
        .GetFiles(Folder, "*.scenarios.json")
        .OrderBy(f => f, StringComparer.Ordinal)
        .Select(f => JsonSerializer.Deserialize<ScenarioFile>(File.ReadAllText(f), ScenarioFile.Json)
                     ?? throw new InvalidDataException($"{f} holds null"))
        .ToList());

    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Files.Value)
            foreach (var scenario in file.Scenarios)
                data.Add(file.Protocol, scenario.Name);
        return data;
    }

    [Fact]
    public void Every_protocol_has_at_least_ten_scenarios()
    {
        var counts = Files.Value.ToDictionary(f => f.Protocol, f => f.Scenarios.Count);
        foreach (var protocol in new[] { "north-somerset", "blackpool", "devon", "lcs-authority", "northamptonshire" })
            Assert.True(counts.GetValueOrDefault(protocol) >= 10,
                $"{protocol} has {counts.GetValueOrDefault(protocol)} scenarios; every protocol needs at least 10.");
    }

    [Fact]
    public void Scenario_names_are_unique_within_a_protocol()
    {
        foreach (var file in Files.Value)
            Assert.Equal(file.Scenarios.Count, file.Scenarios.Select(s => s.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task Scenario(string protocol, string name)
    {
        var scenario = Files.Value.Single(f => f.Protocol == protocol).Scenarios.Single(s => s.Name == name);
        var h = await EscalationHarness.CreateAsync(scenario.Start.At);
        var runner = new ScenarioRunner(h, protocol);
        await runner.RunAsync(scenario);
        await h.AssertJournalsReplayAsync();
    }
}

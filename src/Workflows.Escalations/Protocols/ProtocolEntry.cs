namespace Workflows.Escalations.Protocols;

/// <summary>A protocol as loaded: its settings and its BPMN file.</summary>
public sealed record ProtocolEntry(ProtocolSettings Settings, string BpmnFile, string BpmnXml)
{
    public string Key => Settings.Key;
}

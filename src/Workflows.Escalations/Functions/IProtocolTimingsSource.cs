namespace Workflows.Escalations.Functions;

/// <summary>Finds a protocol's time rules by its key (the process definition key).</summary>
public interface IProtocolTimingsSource
{
    ProtocolTimings For(string protocolKey);
}

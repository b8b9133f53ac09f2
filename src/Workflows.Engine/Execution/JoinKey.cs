namespace Workflows.Engine.Execution;

/// <summary>
/// A joining gateway waits per scope: the same gateway inside two instances of a sub-process joins each
/// separately. The key is <c>scopeActivityId/gatewayId</c> (empty scope = the process); neither part can
/// contain '/', since BPMN ids are XML NCNames and local ids are a letter and digits.
/// </summary>
internal static class JoinKey
{
    public static string For(string? scopeId, string nodeId) => $"{scopeId}/{nodeId}";

    public static string? ScopeOf(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash == 0 ? null : key[..slash];
    }

    public static string NodeOf(string key) => key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
}

namespace Workflows.Host.Logging;

/// <summary>
/// Names of values that identify a child or describe their circumstances. They never reach a log,
/// whatever the depth at which they appear (a property, a destructured object, a dictionary key).
/// UK GDPR special-category data: logs are kept longer and read by more people than the case record.
/// </summary>
public static class SensitiveData
{
    public const string Redacted = "[redacted]";

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "childRef", "childName", "childId", "dateOfBirth", "dob", "nhsNumber",
        "summary", "impactOnChild", "impactOnLivedExperience", "actionsRequested", "learning",
        "response", "note", "gateNote", "cafcassReason", "bypassReason", "theme", "contacts", "outcome",
        "body", "requestBody",
    };

    public static bool IsSensitive(string name) => Names.Contains(name);
}

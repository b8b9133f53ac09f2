namespace Workflows.Host.Escalations;

/// <summary>Request examples for the OpenAPI document (fictional child and people).</summary>
public static class EscalationExamples
{
    public const string Start = """
        {
          "protocol": "north-somerset",
          "childRef": "MOSAIC-123456",
          "legalStatus": "child-in-care",
          "raiserRole": "IRO",
          "raiser": "Alex Reviewer",
          "category": "Stability of placement",
          "rag": "AMBER",
          "summary": "Placement plan not updated after the last review.",
          "impactOnChild": "Uncertainty about where she will live is affecting school attendance.",
          "actionsRequested": "Update the placement plan and share it before 14 March.",
          "team": "Children in Care 2",
          "contacts": { "socialWorker": { "name": "Sam Worker", "email": "sam.worker@example.gov.uk" } },
          "startRung": 0
        }
        """;

    public const string Response = """{ "response": "Plan updated and shared with the carers.", "respondedBy": "Team Manager" }""";

    public const string Decision = """{ "decision": "escalate", "rag": "RED", "note": "No response within the window." }""";

    public const string Gate = """{ "approved": true, "note": "Agreed: proceed to stage 4." }""";

    public const string Cafcass = """{ "reason": "Local resolution failed at stage 4.", "independentLegalAdviceTaken": true }""";

    public const string Outcome = """
        { "outcome": "Plan updated and placement confirmed.", "impactOnLivedExperience": "She knows where she will live.", "learning": "Share plans within 10 days." }
        """;

    public const string ThemedConcern = """{ "theme": "Placement sufficiency", "detail": "Third escalation this quarter about delayed placement plans." }""";
}

using System.Text;

namespace Workflows.Host.Tests.Problems;

/// <summary>
/// Requests a careless or hostile client sends: malformed JSON, wrong types, unknown or missing fields,
/// wrong content types, oversized and deeply nested bodies, unparseable query values. Each must be a 4xx
/// problem, never a 500.
/// </summary>
public static class BadInputCorpus
{
    public sealed record Case(string Name, string Method, string Url, string? Body, string? ContentType, int ExpectedStatus,
        string? ErrorField = null, bool Chunked = false, IReadOnlyDictionary<string, string>? Headers = null);

    private const string Messages = "/api/messages";
    private const string Json = "application/json";
    private const string Escalations = "/api/escalations";
    private const string Start = """
        {"protocol": "devon", "childRef": "C-1", "legalStatus": "child-in-care", "raiserRole": "IRO", "raiser": "R",
         "category": "Participation", "rag": "AMBER", "summary": "s", "impactOnChild": "i", "actionsRequested": "a",
         "team": "T", "startRung": 0}
        """;

    private static readonly string TwoMiBJson = "{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\",\"correlationKey\":\"k\"}";
    private static readonly string ThreeMiBXml = "<definitions>" + new string(' ', 3 * 1024 * 1024) + "</definitions>";
    private static readonly string DeepJson = new string('[', 5000) + new string(']', 5000);

    public static readonly IReadOnlyList<Case> Cases =
    [
        new("truncated JSON", "POST", Messages, "{\"name\": \"response\", ", Json, 400),
        new("not JSON at all", "POST", Messages, "name=response&correlationKey=x", Json, 400),
        new("JSON array instead of object", "POST", Messages, "[]", Json, 400),
        new("JSON string instead of object", "POST", Messages, "\"response\"", Json, 400),
        new("wrong type: number for string", "POST", Messages, """{"name": 5, "correlationKey": "k"}""", Json, 400, "$.name"),
        new("wrong type: object for string", "POST", Messages, """{"name": {"a":1}, "correlationKey": "k"}""", Json, 400, "$.name"),
        new("wrong type: array for object", "POST", Messages, """{"name": "n", "correlationKey": "k", "payload": [1,2]}""", Json, 400, "$.payload"),
        new("unknown field", "POST", Messages, """{"name": "n", "correlationKey": "k", "childName": "Jo"}""", Json, 400, "$.childName"),
        new("missing required field", "POST", Messages, """{"name": "n"}""", Json, 400, "$.correlationKey"),
        new("null for a required field", "POST", Messages, """{"name": null, "correlationKey": "k"}""", Json, 400, "$.name"),
        new("blank required field", "POST", Messages, """{"name": " ", "correlationKey": "k"}""", Json, 400, "name"),
        new("empty body", "POST", Messages, "", Json, 400),
        new("duplicate property", "POST", Messages, """{"name": "a", "name": "b", "correlationKey": "k"}""", Json, 400),
        new("deeply nested JSON", "POST", Messages, "{\"name\":\"n\",\"correlationKey\":\"k\",\"payload\":{\"a\":" + DeepJson + "}}", Json, 400),
        new("trailing garbage", "POST", Messages, """{"name": "n", "correlationKey": "k"} {}""", Json, 400),
        new("text/plain instead of JSON", "POST", Messages, """{"name": "n", "correlationKey": "k"}""", "text/plain", 415),
        new("XML instead of JSON", "POST", Messages, "<message/>", "application/xml", 415),
        new("no content type", "POST", Messages, """{"name": "n", "correlationKey": "k"}""", null, 415),
        new("JSON over 1 MiB", "POST", Messages, TwoMiBJson, Json, 413),
        new("chunked JSON over 1 MiB", "POST", Messages, TwoMiBJson, Json, 413, Chunked: true),
        new("cancel reason of the wrong type", "POST", "/api/instances/x/cancel", """{"reason": 12}""", Json, 400, "$.reason"),
        new("task variables as a string", "POST", "/api/tasks/x/y/complete", "\"decision\"", Json, 400),
        new("task variables malformed", "POST", "/api/tasks/x/y/complete", "{decision: resolve}", Json, 400),
        new("draft as JSON", "PUT", "/api/workflows/corpus/draft", """{"xml": "<definitions/>"}""", Json, 415),
        new("draft without content type", "PUT", "/api/workflows/corpus/draft", "<definitions/>", null, 415),
        new("draft that is not XML", "PUT", "/api/workflows/corpus/draft", "<definitions><process>", "application/xml", 400, "body"),
        new("empty draft", "PUT", "/api/workflows/corpus/draft", "", "application/xml", 400),
        new("draft over 2 MiB", "PUT", "/api/workflows/corpus/draft", ThreeMiBXml, "application/xml", 413),
        new("chunked draft over 2 MiB", "PUT", "/api/workflows/corpus/draft", ThreeMiBXml, "application/xml", 413, Chunked: true),
        new("validate as text/plain", "POST", "/api/workflows/corpus/validate", "<definitions/>", "text/plain", 415),
        new("validate over 2 MiB", "POST", "/api/workflows/corpus/validate", ThreeMiBXml, "text/xml", 413),
        new("bad workflow key", "PUT", "/api/workflows/NOT%20A%20KEY/draft", "<definitions/>", "application/xml", 400, "key"),
        new("paging value not a number", "GET", "/api/instances?take=many", null, null, 400),
        new("version not an integer", "GET", "/api/instances?version=1.5", null, null, 400),
        new("unknown status", "GET", "/api/instances?status=asleep", null, null, 400, "status"),
        new("negative skip", "GET", "/api/tasks?skip=-1", null, null, 400, "skip"),
        new("escalation with an unknown field", "POST", Escalations, Start.Replace("\"team\"", "\"childName\": \"Jo\", \"team\""), Json, 400, "$.childName"),
        new("escalation rung as text", "POST", Escalations, Start.Replace("\"startRung\": 0", "\"startRung\": \"two\""), Json, 400, "$.startRung"),
        new("escalation rung as a fraction", "POST", Escalations, Start.Replace("\"startRung\": 0", "\"startRung\": 1.5"), Json, 400, "$.startRung"),
        new("escalation without the child", "POST", Escalations, Start.Replace("\"childRef\": \"C-1\",", ""), Json, 400, "$.childRef"),
        new("escalation with a malformed date", "POST", Escalations, Start.Replace("\"startRung\": 0", "\"startRung\": 0, \"agreedDate\": \"next week\""), Json, 400, "$.agreedDate"),
        new("escalation contacts as a list", "POST", Escalations, Start.Replace("\"startRung\": 0", "\"startRung\": 0, \"contacts\": [\"sw\"]"), Json, 400, "$.contacts"),
        new("escalation as form data", "POST", Escalations, "protocol=devon", "application/x-www-form-urlencoded", 415),
        new("idempotency key too long", "POST", Escalations, Start, Json, 400, "Idempotency-Key",
            Headers: new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', 300) }),
        new("unknown protocol", "POST", Escalations, Start.Replace("\"devon\"", "\"atlantis\""), Json, 400, "protocol"),
        new("decision date not a date", "POST", Escalations + "/esc-x/decisions", """{"decision": "actions-agreed", "actionsDueAt": "soon"}""", Json, 400, "$.actionsDueAt"),
        new("gate approval not a boolean", "POST", Escalations + "/esc-x/gates/g/approval", """{"approved": "yes"}""", Json, 400, "$.approved"),
        new("outcome missing its impact", "POST", Escalations + "/esc-x/outcome", """{"outcome": "done"}""", Json, 400, "$.impactOnLivedExperience"),
        new("tracker filter on an unknown protocol", "GET", Escalations + "?protocol=atlantis", null, null, 400, "protocol"),
        new("tracker filter on an unknown rung", "GET", Escalations + "?protocol=devon&rung=9", null, null, 400, "rung"),
        new("tracker filter on an unknown RAG", "GET", Escalations + "?rag=PURPLE", null, null, 400, "rag"),
        new("tracker filter overdue not a boolean", "GET", Escalations + "?overdue=maybe", null, null, 400),
        new("unknown route", "GET", "/api/nothing-here", null, null, 404),
        new("wrong method", "DELETE", "/api/workflows", null, null, 405),
    ];

    public static IEnumerable<object[]> Names() => Cases.Select(c => new object[] { c.Name });

    public static HttpContent? Content(Case c)
    {
        if (c.Body is null) return null;
        var bytes = Encoding.UTF8.GetBytes(c.Body);
        HttpContent content = c.Chunked ? new StreamContent(new MemoryStream(bytes)) : new ByteArrayContent(bytes);
        if (c.ContentType is not null) content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(c.ContentType);
        if (c.Chunked) content.Headers.ContentLength = null;
        return content;
    }
}

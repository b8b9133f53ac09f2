using Microsoft.AspNetCore.Http.HttpResults;

namespace Workflows.Host.Problems;

/// <summary>Problem results the endpoints return themselves (the exception handler writes the rest).</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");
}

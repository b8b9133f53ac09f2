using Microsoft.AspNetCore.Mvc;
using Workflows.Engine.Execution;
using Workflows.Escalations.Escalating;

namespace Workflows.Host.Problems;

/// <summary>Problems for the engine's and the escalation domain's own exceptions.</summary>
public static class DomainProblems
{
    public static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        WorkflowCommandException e => new ProblemDetails
        {
            Status = e.Kind switch
            {
                WorkflowCommandErrorKind.NotFound => StatusCodes.Status404NotFound,
                WorkflowCommandErrorKind.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            },
            Title = e.Kind switch
            {
                WorkflowCommandErrorKind.NotFound => "Not found.",
                WorkflowCommandErrorKind.Conflict => "The instance is not in a state that allows this.",
                _ => "The command is not valid.",
            },
            Detail = e.Message,
        },
        EscalationException { Kind: EscalationErrorKind.Validation } e => new ValidationProblemDetails(
            e.Errors.ToDictionary(kv => kv.Key, kv => kv.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request does not fit the protocol.",
            Detail = e.Message,
        },
        EscalationException { Kind: EscalationErrorKind.NotFound } e => new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "Not found.",
            Detail = e.Message,
        },
        EscalationException e => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Not possible at this point of the escalation.",
            Detail = e.Message,
        },
        _ => null,
    };
}

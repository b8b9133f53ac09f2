using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using Workflows.Host.Auth;

namespace Workflows.Host.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> and the Scalar reference UI at <c>/docs</c>, both anonymous.
/// Each operation says which policy guards it and carries its request example, so a case-system
/// integrator can work from the document alone.
/// </summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";
    public const string ApiKeyScheme = "ApiKey";

    public static IServiceCollection AddWorkflowsOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "IRO Escalation Workflows",
                    Version = "v1",
                    Description = "Runs local authorities' IRO / CP Chair escalation protocols as BPMN workflows. " +
                        "Case systems authenticate with X-Api-Key; people with an OIDC bearer token. " +
                        "Every error is an RFC 7807 problem.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "OIDC access token with a roles claim (Reviewer, Manager, QaLead, Auditor, Admin).",
                };
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.Header,
                    Description = "A case system's API key (role CaseSystem).",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;

                var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
                if (policies.Count > 0)
                    operation.Description = (operation.Description is null ? "" : operation.Description + "\n\n") +
                        "Authorization policy: `" + string.Join("`, `", policies) + "`.";
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] },
                ];
                foreach (var example in metadata.OfType<RequestExample>())
                {
                    if (operation.RequestBody?.Content is { } content && content.TryGetValue(example.ContentType, out var media))
                        media.Example = example.Value.DeepClone();
                }
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapWorkflowsOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous().DisableRateLimiting();
        app.MapScalarApiReference("/docs", o => o.WithTitle("IRO Escalation Workflows API"))
            .AllowAnonymous().DisableRateLimiting();
        return app;
    }
}

namespace Workflows.Host.Designer;

/// <summary>
/// The bpmn-js designer, built by <c>designer/</c> into <c>wwwroot/designer/</c>: static files (served by the
/// static-file middleware before authentication, so anonymous) plus a fallback to its index.html for the
/// single-page app's own routes (and for <c>/designer</c> itself: its asset URLs are absolute). The designer then calls the API with the person's bearer token.
/// </summary>
public static class DesignerSetup
{
    public static IEndpointRouteBuilder MapDesigner(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Redirect("/designer/")).AllowAnonymous().ExcludeFromDescription();
        app.MapFallbackToFile("/designer/{**path}", "designer/index.html").AllowAnonymous();
        return app;
    }
}

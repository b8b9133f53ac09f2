using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workflows.Host.Configuration;

namespace Workflows.Host.Outbox;

public static class OutboxSetup
{
    public static IServiceCollection AddWorkflowsOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSelfValidatingOptions<CaseSystemsOptions>(CaseSystemsOptions.Section);

        services.AddHttpClient(CaseSystemWebhookSender.HttpClientName)
            .ConfigureHttpClient((sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<OutboxOptions>>().Value.WebhookTimeout);
        services.AddSingleton<CaseSystemWebhookSender>();
        services.TryAddSingleton<INotificationSender, LogOnlyNotificationSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();
        return services;
    }
}

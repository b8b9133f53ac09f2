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
        // Email when Email:Host is set; otherwise notifications are only logged (dotnet run needs no SMTP server).
        services.AddSelfValidatingOptions<EmailOptions>(EmailOptions.Section);
        services.AddSingleton<NotificationTemplates>();
        services.AddSingleton<SmtpNotificationSender>();
        services.AddSingleton<LogOnlyNotificationSender>();
        services.TryAddSingleton<INotificationSender>(sp =>
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.Enabled
                ? sp.GetRequiredService<SmtpNotificationSender>()
                : sp.GetRequiredService<LogOnlyNotificationSender>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();
        return services;
    }
}

using Microsoft.Extensions.Options;

namespace Workflows.Host.Configuration;

/// <summary>Options that check themselves and name each bad configuration key.</summary>
public interface IConfigurationProblems
{
    IEnumerable<string> Problems();
}

/// <summary>Start-up validation for <see cref="IConfigurationProblems"/> options: every problem at once.</summary>
public sealed class ConfigurationProblemsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class, IConfigurationProblems
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

public static class ConfigurationProblemsSetup
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and validates it when the host starts.</summary>
    public static IServiceCollection AddSelfValidatingOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class, IConfigurationProblems
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, ConfigurationProblemsValidator<TOptions>>();
        return services;
    }
}

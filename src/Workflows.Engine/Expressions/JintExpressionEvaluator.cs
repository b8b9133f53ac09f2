using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Workflows.Engine.Expressions;

/// <summary>
/// Expressions in JavaScript, run by Jint in a sandbox: strict mode, time/statement/memory/recursion
/// limits, no CLR access (<c>AllowClr</c> is never called, <c>eval</c>/<c>Function</c> are off),
/// <c>Date.now()</c> pinned to the command's instant and <c>Math.random()</c> removed, so an
/// expression's value depends only on the variables, the instant and the host functions.
/// </summary>
/// <remarks>
/// Jint engines aren't thread-safe, so each evaluation gets a fresh one; the parsed script
/// (<see cref="JsEngine.PrepareScript"/>) is what is expensive, and that is cached per expression text
/// and shared by all threads. Host functions win over variables of the same name, and built-ins
/// (<c>Math</c>, <c>Date</c>…) win over both; every variable is still reachable as <c>variables.name</c>.
/// </remarks>
public sealed partial class JintExpressionEvaluator : IExpressionEvaluator
{
    private readonly ConcurrentDictionary<string, CompiledExpression> scripts = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<IHostFunction> hostFunctions;
    private readonly ExpressionLimits limits;

    public JintExpressionEvaluator(IEnumerable<IHostFunction>? hostFunctions = null, ExpressionLimits? limits = null)
    {
        this.hostFunctions = hostFunctions?.ToList() ?? [];
        this.limits = limits ?? new ExpressionLimits();
        var duplicate = this.hostFunctions.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Two host functions are named '{duplicate.Key}'.", nameof(hostFunctions));
    }

    public bool EvaluateCondition(string expression, ExpressionScope scope) =>
        Run(expression, scope, static (_, value) => TypeConverter.ToBoolean(value));

    public JsonNode? Evaluate(string expression, ExpressionScope scope) =>
        Run(expression, scope, static (engine, value) => JsValueConversion.ToJson(engine, value));

    public string? CheckSyntax(string expression) =>
        string.IsNullOrWhiteSpace(expression) ? "The expression is empty." : Compile(expression).Error;

    private T Run<T>(string expression, ExpressionScope scope, Func<JsEngine, JsValue, T> read)
    {
        var compiled = Compile(expression);
        if (compiled.Error is not null) throw new ExpressionException(expression, compiled.Error);
        try
        {
            using var engine = CreateEngine(scope, expression);
            var value = engine.Evaluate(compiled.Script);
            return read(engine, value);
        }
        catch (ExpressionException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw Translate(expression, ex);
        }
    }

    private JsEngine CreateEngine(ExpressionScope scope, string expression)
    {
        var engine = new JsEngine(options =>
        {
            options.TimeoutInterval(limits.Timeout);
            options.MaxStatements(limits.MaxStatements);
            options.LimitMemory(limits.MaxMemoryBytes);
            options.LimitRecursion(limits.MaxRecursionDepth);
            options.Strict();
            options.Host.StringCompilationAllowed = false;
            options.Culture = CultureInfo.InvariantCulture;
            options.TimeZone = TimeZoneInfo.Utc;
            options.TimeSystem = new PinnedTimeSystem(scope.Now);
        });

        var math = engine.GetValue("Math").AsObject();
        math.Set("random", new ClrFunction(engine, "random", (_, _) =>
            throw new ExpressionException(expression, "Math.random() is not available: expressions must be deterministic.")));

        HostFunctionContext? context = null;
        foreach (var function in hostFunctions)
        {
            engine.SetValue(function.Name, new ClrFunction(engine, function.Name, (_, arguments) =>
            {
                context ??= new HostFunctionContext(scope.Now, scope.DefinitionKey, JsValueConversion.ToDictionary(scope.Variables));
                return CallHostFunction(engine, function, context, arguments, expression);
            }));
        }

        var variables = JsValueConversion.ToJs(engine, scope.Variables).AsObject();
        foreach (var (name, _) in scope.Variables)
        {
            if (!IsIdentifier(name) || engine.Global.HasProperty(name)) continue;
            engine.SetValue(name, variables.Get(name));
        }
        if (!engine.Global.HasProperty("variables")) engine.SetValue("variables", variables);
        return engine;
    }

    private static JsValue CallHostFunction(JsEngine engine, IHostFunction function, HostFunctionContext context,
        JsValue[] arguments, string expression)
    {
        object? result;
        try
        {
            var clrArguments = arguments.Select(a => JsValueConversion.ToClr(engine, a)).ToArray();
            result = function.Invoke(context, clrArguments);
        }
        catch (ExpressionException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new ExpressionException(expression, $"Host function {function.Name}() failed in '{expression}': {ex.Message}", ex);
        }
        return JsValueConversion.FromHostResult(engine, result)
               ?? throw new ExpressionException(expression,
                   $"Host function {function.Name}() returned a {result?.GetType().Name}, which expressions can't use.");
    }

    private CompiledExpression Compile(string expression)
    {
        if (scripts.TryGetValue(expression, out var compiled)) return compiled;
        // A safety net, not an LRU: definitions hold a bounded set of expressions, so this never trips in practice.
        if (scripts.Count >= limits.MaxCachedScripts) scripts.Clear();
        return scripts.GetOrAdd(expression, CompiledExpression.Prepare);
    }

    private ExpressionException Translate(string expression, Exception ex) => ex switch
    {
        JavaScriptException js => new ExpressionException(expression, $"'{expression}' failed: {js.Message}", ex),
        TimeoutException => new ExpressionException(expression,
            $"'{expression}' ran longer than {limits.Timeout.TotalMilliseconds:0} ms and was stopped.", ex),
        StatementsCountOverflowException => new ExpressionException(expression,
            $"'{expression}' ran more than {limits.MaxStatements} statements and was stopped (an endless loop?).", ex),
        MemoryLimitExceededException => new ExpressionException(expression,
            $"'{expression}' allocated more than {limits.MaxMemoryBytes} bytes and was stopped.", ex),
        RecursionDepthOverflowException => new ExpressionException(expression,
            $"'{expression}' recursed deeper than {limits.MaxRecursionDepth} calls and was stopped.", ex),
        _ => new ExpressionException(expression, $"'{expression}' failed: {ex.Message}", ex),
    };

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] is '_' or '$')
                        && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');

    /// <summary>A parsed script, or why it doesn't parse (cached too, so a bad expression is parsed once).</summary>
    private sealed record CompiledExpression(Prepared<Script> Script, string? Error)
    {
        public static CompiledExpression Prepare(string expression)
        {
            try
            {
                return new CompiledExpression(JsEngine.PrepareScript(Unwrap(expression), strict: true), null);
            }
            catch (Exception ex)
            {
                var reason = ex.Message.Replace("Could not prepare script: ", "", StringComparison.Ordinal)
                    .Replace("<anonymous>:", "", StringComparison.Ordinal);
                return new CompiledExpression(default, $"'{expression}' is not valid JavaScript: {reason}");
            }
        }

        /// <summary>Models drawn in Camunda tools often wrap conditions as <c>${…}</c>; that is never valid JavaScript on its own.</summary>
        private static string Unwrap(string expression)
        {
            var text = expression.Trim();
            return text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}') ? text[2..^1] : text;
        }
    }

    /// <summary>Jint's clock, pinned to the command's instant (an expression must not read the wall clock).</summary>
    private sealed class PinnedTimeSystem(DateTimeOffset now) : ITimeSystem
    {
        private static readonly DefaultTimeSystem Utc = new(TimeZoneInfo.Utc, CultureInfo.InvariantCulture);
        public TimeZoneInfo DefaultTimeZone => TimeZoneInfo.Utc;
        public DateTimeOffset GetUtcNow() => now;
        public bool TryParse(string date, out long epochMilliseconds) => Utc.TryParse(date, out epochMilliseconds);
        public TimeSpan GetUtcOffset(long epochMilliseconds) => TimeSpan.Zero;
    }
}

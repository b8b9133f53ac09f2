using System.Text.Json.Nodes;

namespace Workflows.Engine.Expressions;

/// <summary>
/// What an expression sees: the instance variables (each a global, and all of them as <c>variables</c>),
/// the command's instant (<c>Date.now()</c> and host functions see this, never the wall clock) and the
/// process key (host functions use it to look up per-protocol settings).
/// </summary>
public sealed record ExpressionScope(JsonObject Variables, DateTimeOffset Now, string DefinitionKey);

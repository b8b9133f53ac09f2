namespace Workflows.Engine.Tests.Execution;

/// <summary>
/// One test (at least) per BPMN behaviour, each driven through the real parser, runtime and in-memory
/// store from a <c>.bpmn</c> fixture beside these files, each ending with the journal-replay check.
/// </summary>
public sealed partial class InterpreterTests;

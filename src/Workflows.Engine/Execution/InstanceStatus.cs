namespace Workflows.Engine.Execution;

public enum InstanceStatus { Running, Completed, Terminated, Cancelled }

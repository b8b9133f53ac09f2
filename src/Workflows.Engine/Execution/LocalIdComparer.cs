namespace Workflows.Engine.Execution;

/// <summary>
/// Orders local ids (<c>a9</c> before <c>a10</c>) so that "oldest first" means creation order, whatever the
/// ordinal order of the state's dictionaries.
/// </summary>
internal sealed class LocalIdComparer : IComparer<string>
{
    public static readonly LocalIdComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var byLength = (x?.Length ?? 0).CompareTo(y?.Length ?? 0);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }
}

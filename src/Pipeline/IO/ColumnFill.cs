namespace SosRap.Pipeline.IO;

/// <summary>How many read rows had a value in one column and how many left it empty.</summary>
/// <param name="Filled">Rows with a non-empty value.</param>
/// <param name="Empty">Rows where the column was missing, null or empty (or an empty list).</param>
public sealed record ColumnFill(long Filled, long Empty);

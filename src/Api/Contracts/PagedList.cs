namespace SosRap.Api.Contracts;

/// <summary>One page of a list.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

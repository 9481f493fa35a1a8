namespace SosRap.Api.Contracts;

/// <summary>One changed field. Report texts are never copied here: a text change shows lengths only.</summary>
public sealed record AuditChange(string Field, string? Old, string? New);

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace SosRap.Api.Contracts;

/// <summary>Query of <c>GET /api/audit</c>.</summary>
public sealed record AuditQuery
{
    /// <summary>Entries about this entity (a report id, user id, taxonomy version …).</summary>
    [FromQuery(Name = "entity_id"), StringLength(Limits.ShortText, ErrorMessage = "Kenttä {0} saa olla enintään {1} merkkiä.")]
    public string? EntityId { get; init; }

    /// <summary><c>report</c>, <c>user</c>, <c>api_key</c>, <c>taxonomy</c> or <c>export</c>.</summary>
    [FromQuery(Name = "entity_type"), AllowedValues(null, "report", "user", "api_key", "taxonomy", "export",
        ErrorMessage = "Kohdetyyppi (entity_type) ei ole sallittu; sallitut: report, user, api_key, taxonomy, export.")]
    public string? EntityType { get; init; }

    /// <summary>Entries made by this user id.</summary>
    [FromQuery(Name = "actor"), RegularExpression("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
        ErrorMessage = "Käyttäjän tunniste (actor) ei ole kelvollinen GUID.")]
    public string? Actor { get; init; }

    /// <summary>Page number from 1.</summary>
    [FromQuery(Name = "page"), Range(1, Limits.Page, ErrorMessage = "Kentän {0} pitää olla välillä {1}–{2}.")]
    public int? Page { get; init; }

    /// <summary>Entries per page, 1–100 (default 50).</summary>
    [FromQuery(Name = "page_size"), Range(1, Limits.PageSize, ErrorMessage = "Kentän {0} pitää olla välillä {1}–{2}.")]
    public int? PageSize { get; init; }
}

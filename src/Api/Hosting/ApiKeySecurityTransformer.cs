using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SosRap.Api.Hosting;

/// <summary>Describes the API key authentication in the OpenAPI document, so <c>/docs</c> offers to send a key.</summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "SosRap";
        document.Info.Description = "Rakenteellisen sosiaalityön ilmiöraportit: ilmoitukset, käsittely, luokitusehdotukset, teemat, tilastot ja tutkimusaineisto.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = Auth.ApiKeys.HeaderName,
            Description = "API-avain (myös Authorization: Bearer AVAIN käy).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
        return Task.CompletedTask;
    }
}

namespace SosRap.Api.Contracts;

/// <summary>Input limits of the API, in one place (the validation attributes and the docs refer to these).</summary>
public static class Limits
{
    /// <summary>Most characters in a phenomenon (ilmiö) text.</summary>
    public const int Phenomenon = 20_000;

    /// <summary>Most characters in a proposal (toimenpide-ehdotus).</summary>
    public const int Proposal = 10_000;

    /// <summary>Most characters in a text given to <c>POST /api/suggest</c>.</summary>
    public const int SuggestText = 30_000;

    /// <summary>Most characters in a comment (return to author, forwarding note, taxonomy note).</summary>
    public const int Comment = 2_000;

    /// <summary>Most characters in a one-line field (municipality, service area, name, label).</summary>
    public const int ShortText = 100;

    /// <summary>Most characters in a category description.</summary>
    public const int Description = 2_000;

    /// <summary>Most categories on one report, and most entries in one feedback list.</summary>
    public const int CategoriesPerReport = 10;

    /// <summary>Most categories in one taxonomy version.</summary>
    public const int CategoriesPerTaxonomy = 500;

    /// <summary>Most key terms per category.</summary>
    public const int TermsPerCategory = 50;

    /// <summary>Most service areas of one supervisor.</summary>
    public const int ServiceAreasPerUser = 20;

    /// <summary>Largest request body in bytes; larger ones get 413.</summary>
    public const long RequestBodyBytes = 256 * 1024;

    /// <summary>Largest page of a list.</summary>
    public const int PageSize = 100;

    /// <summary>Highest page number of a list (use filters rather than deep paging).</summary>
    public const int Page = 10_000;

    /// <summary>Most clients a report can claim to concern.</summary>
    public const int AffectedClients = 1_000_000;
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Calendar.Extraction;
using Calendar.Service.Subscriptions;
using Calendar.Service.Timeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Facts;

/// <summary><c>POST /api/facts/drafts</c>: drafts facts from a press release for administrators (the admin key), as <c>extract</c> does.</summary>
/// <remarks>Nothing is stored: the answer is the drafts, as JSON and as the YAML to paste into a facts file after review.</remarks>
internal static class DraftsApi
{
    /// <summary>The longest text the reader takes, in UTF-8 and JSON escapes, with room for the other fields.</summary>
    public const int MaxBodyBytes = 4 * PressReleaseReader.MaxTextLength + 16 * 1024;

    public static IEndpointRouteBuilder MapFactDrafts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/facts/drafts", Draft)
            .WithTags("Facts (admin)")
            .AddEndpointFilter<AdminApiKey>()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes))
            .Accepts<DraftRequest>("application/json")
            .WithSummary("Drafts facts from a press release's text, each with the sentence it came from; nothing is stored");
        return app;
    }

    public static async Task<Results<Ok<DraftsResponse>, ValidationProblem, ProblemHttpResult>> Draft(
        HttpRequest http, CalendarState state, IOptions<CalendarOptions> options)
    {
        var (request, unreadable) = await ReadAsync(http);
        if (request is null)
        {
            return unreadable!;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            errors["text"] = "is required: the article as plain text";
        }

        var facts = state.Current.Facts;
        var release = new DraftInput(request.Published, request.Outlet, request.Title, request.Url, request.Home)
            .Check(request.Text ?? "", options.Value.HomeCountry, facts.Countries, errors);
        if (release is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(pair => pair.Key, pair => new[] { pair.Value }), title: "The press release cannot be read.");
        }

        var drafts = PressReleaseReader.Read(release, facts);
        return TypedResults.Ok(new DraftsResponse(drafts.Count, [.. drafts.Select(d => DraftJson.From(d, facts.Countries))], DraftsYaml.Write(drafts)));
    }

    /// <summary>The body, read here rather than bound, so that <see cref="AdminApiKey"/> has refused a stranger before it is read.</summary>
    private static async Task<(DraftRequest? Request, ProblemHttpResult? Problem)> ReadAsync(HttpRequest http)
    {
        if (!http.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be application/json."));
        }

        try
        {
            return await http.ReadFromJsonAsync<DraftRequest>(http.HttpContext.RequestAborted) is { } request
                ? (request, null)
                : (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is empty: send the text and its publication date."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The body is larger than {MaxBodyBytes / 1024} KB."));
        }
        catch (JsonException e)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a press release to draft from.", detail: e.Message));
        }
    }
}

/// <summary>What <c>POST /api/facts/drafts</c> takes: the text and what <c>extract</c>'s options say.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record DraftRequest(string? Text, string? Published, string? Outlet, string? Title, string? Url, string? Home);

internal sealed record DraftsResponse(int Count, IReadOnlyList<DraftJson> Drafts, string Yaml);

/// <summary>A draft: the fact as <c>/api/facts</c> shows facts, the sentence it came from, and the loaded fact it repeats or contradicts.</summary>
/// <remarks><c>draft</c> is always true: it says so in the JSON too, wherever the object is copied to.</remarks>
internal sealed record DraftJson(bool Draft, FactJson Fact, EvidenceJson Evidence, string? SameAs, string? ConflictsWith)
{
    public static DraftJson From(DraftFact draft, Calendar.Core.CountryCatalog countries) => new(
        true,
        FactJson.From(draft.Fact, countries),
        new EvidenceJson(draft.Evidence.Sentence, draft.Evidence.Offset, draft.Evidence.Line, draft.Evidence.Column),
        draft.SameAs,
        draft.ConflictsWith);
}

internal sealed record EvidenceJson(string Sentence, int Offset, int Line, int Column);

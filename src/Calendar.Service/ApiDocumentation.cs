using Microsoft.OpenApi;
using NodaTime;

namespace Calendar.Service;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and a browsable UI at <c>/docs</c>.</summary>
internal static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options => options
            .AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Diplomatic Anniversary Calendar";
                document.Info.Description = "Anniversaries of diplomatic relations and planned events, computed from sourced facts.";
                return Task.CompletedTask;
            })
            .AddSchemaTransformer((schema, context, _) =>
        {
            // NodaTime types serialize as ISO strings, but the generator sees their properties: say what goes on the wire.
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            var format = type == typeof(LocalDate) ? "date" : type == typeof(Instant) ? "date-time" : null;
            if (format is not null)
            {
                schema.Type = JsonSchemaType.String;
                schema.Format = format;
                schema.Properties?.Clear();
                schema.Required?.Clear();
            }

            return Task.CompletedTask;
        }));

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi();
        // Only under /docs: the UI's middleware matches every request's path with a regular expression otherwise.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/docs"), docs => docs.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "Diplomatic Anniversary Calendar");
            options.RoutePrefix = "docs";
            options.DocumentTitle = "Diplomatic Anniversary Calendar — API";
        }));
        return app;
    }
}

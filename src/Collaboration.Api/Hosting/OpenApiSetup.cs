using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Collaboration.Api.Hosting;

/// <summary>
/// Swagger document at <c>/swagger/v1/swagger.json</c>, UI at <c>/swagger</c>, with bearer auth usable from the UI.
/// Both are served only when <c>Swagger:Enabled</c> is true (the default in Development only): elsewhere they would hand
/// anyone a map of every endpoint without asking for a token.
/// </summary>
public static class OpenApiSetup
{
    public const string EnabledSetting = "Swagger:Enabled";

    public static bool SwaggerEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue(EnabledSetting, environment.IsDevelopment());

    public static WebApplication UseCollaborationSwagger(this WebApplication app)
    {
        if (SwaggerEnabled(app.Configuration, app.Environment))
        {
            app.UseSwagger();
            app.UseSwaggerUI(ui => ui.SwaggerEndpoint("/swagger/v1/swagger.json", "Collaboration API v1"));
        }

        return app;
    }

    public static IServiceCollection AddCollaborationOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Collaboration API · 政社合作跟踪",
                Version = "v1",
                Description = "Memoranda, partner commitments, talent-service cases and observer feedback of the district's " +
                              "government–society collaboration. Every write returns an ETag (stream revision); send it back in " +
                              "If-Match. Idempotency-Key makes retries safe.",
            });
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT from `dotnet user-jwts` (see README) or the district's OpenID Connect authority.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Bearer", document)] = [],
            });
            foreach (var id in OpenApiExamples.GuidIdTypes())
            {
                options.MapType(id, () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" });
            }

            // JSON-valued fields (audit states, events, before/after of a change, replayed view documents) hold any JSON.
            options.MapType<JsonNode>(() => new OpenApiSchema { Description = "Any JSON value." });
            options.MapType<JsonElement>(() => new OpenApiSchema { Description = "Any JSON value." });

            // A nullable member whose type is a component (BilingualText?, an enum?) is `allOf: [$ref]` + `nullable: true`;
            // a bare $ref cannot carry nullable in OpenAPI 3.0, so the document would call a field that is often null non-nullable.
            options.UseAllOfToExtendReferenceSchemas();
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.SchemaFilter<OpenApiExamples>();
            options.OperationFilter<OpenApiProblemDescriptions>();
            options.OperationFilter<OpenApiResponseHeaders>();
            options.OperationFilter<OpenApiPaging>();
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
            }
        });
        return services;
    }
}

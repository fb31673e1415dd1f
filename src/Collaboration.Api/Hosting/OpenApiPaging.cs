using System.Text.Json.Nodes;
using Collaboration.Api.Modules.Views.Paging;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Collaboration.Api.Hosting;

/// <summary>Describes a paged list's <c>limit</c>, <c>after</c> and <c>sort</c> (its allowed values) in the document.</summary>
public sealed class OpenApiPaging : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<PagedListMetadata>().FirstOrDefault() is not { } paged || operation.Parameters is null)
        {
            return;
        }

        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            switch (parameter.Name)
            {
                case "limit":
                    parameter.Description = $"Items per page: 1 to {PageRequest.MaxLimit}, {PageRequest.DefaultLimit} when left out; otherwise 400 page.limit-out-of-range.";
                    if (parameter.Schema is OpenApiSchema limit)
                    {
                        limit.Minimum = "1";
                        limit.Maximum = PageRequest.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    break;
                case "after":
                    parameter.Description = "The opaque cursor of the previous page (as in its next link); one made by another list or sort is 400 page.cursor-invalid.";
                    break;
                case "sort":
                    parameter.Description = $"The order: a field name ascending, with '-' in front descending; ties go by id. Default {paged.Sorts.Default}; another value is 400 page.sort-unknown.";
                    if (parameter.Schema is OpenApiSchema sort)
                    {
                        sort.Enum = [.. paged.Sorts.Names.Select(n => (JsonNode)JsonValue.Create(n))];
                    }

                    break;
            }
        }
    }
}

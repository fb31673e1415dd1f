using System.Reflection;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.FileProviders;

namespace Collaboration.Api.Hosting;

/// <summary>
/// Makes tokens from <c>dotnet user-jwts</c> work without a restart on a fresh machine. The host adds the user-secrets
/// file with reload on change, but only watches it when its directory already exists when the tracker starts; on a
/// newcomer's machine the first <c>dotnet user-jwts create</c> creates that directory afterwards, so the signing key it
/// writes was never seen. Creating the directory first and re-adding the same source in its place fixes that, at the
/// same precedence as before.
/// </summary>
public static class DevelopmentTokens
{
    private const string SecretsFile = "secrets.json";

    public static WebApplicationBuilder WatchDevelopmentTokens(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Environment.IsDevelopment()
            || Assembly.GetEntryAssembly()?.GetCustomAttribute<UserSecretsIdAttribute>() is not { } id)
        {
            return builder;
        }

        var directory = Path.GetDirectoryName(PathHelper.GetSecretsPathFromSecretsId(id.UserSecretsId))!;
        Directory.CreateDirectory(directory);
        var sources = builder.Configuration.Sources;
        var index = sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: SecretsFile });
        var watched = new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(directory),
            Path = SecretsFile,
            Optional = true,
            ReloadOnChange = true,
        };
        if (index >= 0)
        {
            sources[index] = watched;
        }
        else
        {
            sources.Add(watched);
        }

        return builder;
    }
}

using Collaboration.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCollaboration();

var app = builder.Build();
app.UseCollaboration();
await app.RunCollaborationAsync(args);

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;

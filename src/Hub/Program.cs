using Exchange.Hub.Hosting;
using Exchange.Silo.Hosting;

try
{
    // appsettings.json ships beside the binary; the data folder stays relative to the working directory.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddExchangeHub();
    var app = builder.Build();
    app.MapExchangeEndpoints();
    await app.RunAsync();
    return 0;
}
catch (ExchangeConfigurationException exception)
{
    await Console.Error.WriteLineAsync($"Exchange hub cannot start: {exception.Message}");
    return 2;
}

/// <summary>Entry point; declared partial so tests can reference the hub's assembly.</summary>
public partial class Program;

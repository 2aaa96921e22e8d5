using Exchange.Hub.Hosting;
using Exchange.Silo.Hosting;
using Exchange.Silo.Schedule;

try
{
    // appsettings.json ships beside the binary; the data folder stays relative to the working directory.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    if (args.Length > 0 && args[0] == "rebuild-read-models")
    {
        // Same configuration as the hub; reads grain_state directly, activates no grain, then exits.
        var projected = await ReadModelRebuilder.RunAsync(builder.Configuration, TimeProvider.System, CancellationToken.None);
        Console.WriteLine($"Schedule read model rebuilt from {projected} stored records.");
        return 0;
    }

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

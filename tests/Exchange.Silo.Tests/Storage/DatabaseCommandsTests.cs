using System.Data.Common;
using Exchange.Silo.Storage;

namespace Exchange.Silo.Tests.Storage;

public sealed class DatabaseCommandsTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task AddParameter_BareOrPrefixedName_BindsTheQuerysAtNameAndIsStoredWithItsPrefix(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind, "commands");
        await SchemaInstaller.InstallAsync(kind, database.ConnectionString, CancellationToken.None);
        await using var connection = DatabaseCommands.Connection(kind, database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT @Bare || '/' || @Prefixed || '/' || coalesce(@Missing, 'null')";

        command.AddParameter("Bare", "a");
        command.AddParameter("@Prefixed", "b");
        command.AddParameter("Missing", null);

        Assert.Equal("a/b/null", await command.ExecuteScalarAsync());
        Assert.Equal(["@Bare", "@Prefixed", "@Missing"], command.Parameters.Cast<DbParameter>().Select(parameter => parameter.ParameterName));
    }
}

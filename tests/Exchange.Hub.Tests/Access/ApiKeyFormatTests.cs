using Exchange.Hub.Access;

namespace Exchange.Hub.Tests.Access;

public sealed class ApiKeyFormatTests
{
    [Fact]
    public void Generate_ParsesBackAndMatchesOnlyItsOwnHash()
    {
        var (keyId, secret, key) = ApiKeyFormat.Generate();
        var (_, otherSecret, _) = ApiKeyFormat.Generate();

        Assert.True(ApiKeyFormat.TryParse(key, out var parsedId, out var parsedSecret));
        Assert.Equal((keyId, secret), (parsedId, parsedSecret));
        Assert.Equal(64, secret.Length);
        Assert.True(ApiKeyFormat.Matches(secret, ApiKeyFormat.Hash(secret)));
        Assert.False(ApiKeyFormat.Matches(otherSecret, ApiKeyFormat.Hash(secret)));
        Assert.DoesNotContain(secret, ApiKeyFormat.Hash(secret), StringComparison.Ordinal);
    }

    [Fact]
    public void Matches_SecretOfAnotherLengthOrNotAscii_FalseWithoutThrowing()
    {
        var (_, secret, _) = ApiKeyFormat.Generate();
        var hash = ApiKeyFormat.Hash(secret);

        Assert.False(ApiKeyFormat.Matches(secret[..^1], hash));
        Assert.False(ApiKeyFormat.Matches(secret + "0", hash));
        Assert.False(ApiKeyFormat.Matches(string.Concat("é", secret.AsSpan(1)), hash));
        Assert.False(ApiKeyFormat.Matches(secret, hash[..^2]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("exk_")]
    [InlineData("exk_abc_0123")]
    [InlineData("exk_ab_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("exk_ABCD_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("exk_abcd_000000000000000000000000000000000000000000000000000000000000000g")]
    [InlineData("Bearer exk_abcd_0000000000000000000000000000000000000000000000000000000000000000")]
    public void TryParse_NotAKey_False(string text) => Assert.False(ApiKeyFormat.TryParse(text, out _, out _));
}

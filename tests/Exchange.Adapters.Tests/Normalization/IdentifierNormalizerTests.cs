using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Adapters.Reports;

namespace Exchange.Adapters.Tests.Normalization;

public class IdentifierNormalizerTests
{
    private const string Field = "lookup.identifier";
    private const string HubId = "0193A8C4E2F07B7D9A1B2C3D4E5F6071";

    [Fact]
    public void NormalizeOne_HubIdForLookup_ReturnsLowerCaseHubId()
    {
        var issues = new IssueCollector();

        var identifier = IdentifierNormalizer.NormalizeOne(new ReportedIdentifier(IdentifierKind.HubId, $" {HubId} "), Field, issues, forLookup: true);

        Assert.Equal(new PersonIdentifier(IdentifierKind.HubId, HubId.ToLowerInvariant()), identifier);
        Assert.False(issues.HasIssues);
    }

    [Fact]
    public void NormalizeOne_HubIdForRegistration_ReturnsNullWithValueIssue()
    {
        var issues = new IssueCollector();

        var identifier = IdentifierNormalizer.NormalizeOne(new ReportedIdentifier(IdentifierKind.HubId, HubId), Field, issues, forLookup: false);

        Assert.Null(identifier);
        var issue = Assert.Single(issues.Issues);
        Assert.Equal($"{Field}.value", issue.Field);
        Assert.Contains("hub_id", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizeOne_HubIdWithoutForLookup_IsRefusedByDefault()
    {
        var issues = new IssueCollector();

        Assert.Null(IdentifierNormalizer.NormalizeOne(new ReportedIdentifier(IdentifierKind.HubId, HubId), Field, issues));
        Assert.True(issues.HasIssues);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void NormalizeOne_ChildCodeInFullWidth_ReturnsFoldedCode(bool forLookup)
    {
        var issues = new IssueCollector();

        var identifier = IdentifierNormalizer.NormalizeOne(
            new ReportedIdentifier(IdentifierKind.ChildCode, "４２０１０２０１０１ ２０２４０００１"), Field, issues, forLookup);

        Assert.Equal(new PersonIdentifier(IdentifierKind.ChildCode, "420102010120240001"), identifier);
        Assert.False(issues.HasIssues);
    }

    [Fact]
    public void NormalizeOne_MissingKind_ReportsKindField()
    {
        var issues = new IssueCollector();

        Assert.Null(IdentifierNormalizer.NormalizeOne(new ReportedIdentifier(null, "420102010120240001"), Field, issues, forLookup: true));
        Assert.Equal($"{Field}.kind", Assert.Single(issues.Issues).Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\u3000")]
    public void NormalizeOne_MissingValue_ReportsValueField(string? value)
    {
        var issues = new IssueCollector();

        Assert.Null(IdentifierNormalizer.NormalizeOne(new ReportedIdentifier(IdentifierKind.BirthCertificate, value), Field, issues));
        Assert.Equal($"{Field}.value", Assert.Single(issues.Issues).Field);
    }

    [Theory]
    [InlineData(IdentifierKind.ChildCode, "42010201012024001")]
    [InlineData(IdentifierKind.BirthCertificate, "4201234567")]
    [InlineData(IdentifierKind.ResidentId, "420102202403150011")]
    [InlineData(IdentifierKind.VaccinationCertificate, "AB-12")]
    [InlineData(IdentifierKind.VaccinationCertificate, "A23456789012345678901234567890123")]
    [InlineData((IdentifierKind)99, "123")]
    public void NormalizeOne_MalformedValue_ReportsValueField(IdentifierKind kind, string value)
    {
        var issues = new IssueCollector();

        Assert.Null(IdentifierNormalizer.NormalizeOne(new ReportedIdentifier(kind, value), Field, issues));
        Assert.Equal($"{Field}.value", Assert.Single(issues.Issues).Field);
    }

    [Fact]
    public void NormalizeOne_VaccinationCertificate_IsUpperCased()
    {
        var issues = new IssueCollector();

        var identifier = IdentifierNormalizer.NormalizeOne(new ReportedIdentifier(IdentifierKind.VaccinationCertificate, " hb2024 0001 "), Field, issues);

        Assert.Equal(new PersonIdentifier(IdentifierKind.VaccinationCertificate, "HB20240001"), identifier);
    }
}

using Exchange.Adapters.Normalization;
using Exchange.Adapters.Validation.Formats;
using Exchange.Hub.Errors;
using Exchange.Hub.Grpc.Mapping;
using Exchange.Silo.Search;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Grpc;

/// <summary>Checks a FindChildren query and runs it.</summary>
internal static class SearchRequests
{
    public static Task<IReadOnlyList<string>> RunAsync(
        IPersonSearch search, V1.FindChildrenRequest request, int limit, DateOnly today, CancellationToken cancellationToken)
    {
        switch (request.QueryCase)
        {
            case V1.FindChildrenRequest.QueryOneofCase.MotherIdNumber:
                var idNumber = TextCleaner.CleanCode(request.MotherIdNumber) ?? string.Empty;
                if (ResidentIdNumber.Check(idNumber) is { } reason)
                {
                    throw RpcErrors.Invalid("mother_id_number", reason);
                }

                return search.ByMotherIdNumberAsync(idNumber, limit, cancellationToken);
            case V1.FindChildrenRequest.QueryOneofCase.Demographics:
                var issues = new IssueCollector();
                var query = request.Demographics;
                var name = PersonNormalizer.NormalizeName(query.Name, "demographics.name", issues);
                if (!CanonicalDates.TryParseDate(TextCleaner.Clean(query.BirthDate), out var birthDate) || birthDate > today)
                {
                    issues.Invalid("demographics.birth_date", $"a past birth date in the form {CanonicalDates.DateFormat} is required");
                }

                var sex = query.Sex.ToModel();
                if (sex is null)
                {
                    issues.Invalid("demographics.sex", "sex is required");
                }

                return issues.HasIssues
                    ? throw RpcErrors.FromIssues(issues.Issues)
                    : search.ByDemographicsAsync(name!, birthDate, sex!.Value, limit, cancellationToken);
            default:
                throw RpcErrors.Invalid("query", "search by mother_id_number, or by demographics (name, birth_date and sex)");
        }
    }
}

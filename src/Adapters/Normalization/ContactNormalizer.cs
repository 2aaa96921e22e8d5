using Exchange.Adapters.Model;
using Exchange.Adapters.Results;
using Exchange.Adapters.Validation.Formats;

namespace Exchange.Adapters.Normalization;

/// <summary>Normalizes a mother or guardian; an empty contact becomes null.</summary>
internal static class ContactNormalizer
{
    public static Contact? Normalize(Contact? reported, string field, IssueCollector issues)
    {
        if (reported is null)
        {
            return null;
        }

        var name = TextCleaner.Clean(reported.Name);
        var idNumber = TextCleaner.CleanCode(reported.IdNumber);
        var phone = PhoneNumbers.Clean(reported.Phone);
        if (idNumber is not null && !issues.Check($"{field}.id_number", ResidentIdNumber.Check(idNumber), ReasonCodes.InvalidIdNumber))
        {
            idNumber = null;
        }

        if (phone is not null && !issues.Check($"{field}.phone", PhoneNumber.Check(phone), ReasonCodes.InvalidPhone))
        {
            phone = null;
        }

        return name is null && idNumber is null && phone is null ? null : new Contact(name, idNumber, phone);
    }
}

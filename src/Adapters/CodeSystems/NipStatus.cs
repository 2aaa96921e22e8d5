namespace Exchange.Adapters.CodeSystems;

/// <summary>Whether a vaccine product is given under the National Immunization Programme (国家免疫规划).</summary>
public enum NipStatus
{
    /// <summary>Not an NIP vaccine (non-programme, self-paid; 非免疫规划).</summary>
    No = 0,

    /// <summary>An NIP vaccine, including NIP alternatives and catch-up products.</summary>
    Yes = 1,

    /// <summary>Formerly an NIP vaccine, no longer used; kept to read vaccination history.</summary>
    Historical = 2,
}

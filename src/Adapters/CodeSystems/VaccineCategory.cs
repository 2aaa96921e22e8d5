namespace Exchange.Adapters.CodeSystems;

/// <summary>A vaccine category: the first two digits of a national vaccine code.</summary>
/// <param name="Code">Two digits, e.g. <c>02</c>.</param>
/// <param name="Name">Chinese name, e.g. 乙肝疫苗.</param>
/// <param name="Source">Where the category's name comes from.</param>
public sealed record VaccineCategory(string Code, string Name, string Source);

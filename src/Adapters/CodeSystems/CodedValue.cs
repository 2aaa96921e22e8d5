namespace Exchange.Adapters.CodeSystems;

/// <summary>One code of a small hub code system bound to a model enum (sex, route, site, vaccination kind).</summary>
/// <typeparam name="TEnum">The model enum, e.g. <see cref="Model.Sex"/>.</typeparam>
/// <param name="Code">The hub's code, e.g. <c>1</c>.</param>
/// <param name="Value">The enum member the code stands for.</param>
/// <param name="Name">Chinese display name.</param>
/// <param name="Hl7">HL7 v2 equivalent (tables 0001, 0162, 0163), or null when none is declared.</param>
/// <param name="Notes">Standard or source notes; null when none.</param>
public sealed record CodedValue<TEnum>(string Code, TEnum Value, string Name, string? Hl7, string? Notes)
    where TEnum : struct, Enum;

namespace Exchange.Testing.Synthetic;

/// <summary>A parent or guardian: name, resident ID number and mainland mobile number.</summary>
public sealed record SyntheticContact(string Name, string IdNumber, string Phone);

namespace Exchange.Adapters.Model;

/// <summary>A mother or guardian: name, resident ID number and phone, each optional.</summary>
public sealed record Contact(string? Name, string? IdNumber, string? Phone);

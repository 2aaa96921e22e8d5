namespace Exchange.Silo.Hosting;

/// <summary>A setting is missing or wrong; the message names the key and what is expected.</summary>
public sealed class ExchangeConfigurationException(string message) : Exception(message);

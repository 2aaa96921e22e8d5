using Orleans.Serialization.Cloning;

namespace Exchange.Silo.Hosting;

/// <summary>
/// Passes canonical-model values between grains without copying. They are immutable records: every change builds a
/// new record (see the Rules classes), so sharing an instance is safe, and copying would cost a JSON round trip of
/// the whole record on every call.
/// </summary>
internal sealed class CanonicalModelCopier : IGeneralizedCopier
{
    public static bool Handles(Type type) => type.Namespace?.StartsWith("Exchange.Adapters", StringComparison.Ordinal) == true;

    public bool IsSupportedType(Type type) => Handles(type);

    public object? DeepCopy(object? input, CopyContext context) => input;
}

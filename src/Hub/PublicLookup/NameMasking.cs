using System.Globalization;
using System.Text;

namespace Exchange.Hub.PublicLookup;

/// <summary>
/// Masks a name for the public: the first and last character stay, every other becomes '*' ("张小明" → "张*明");
/// a two-character name keeps only the first ("张三" → "张*"). Characters are text elements, so a name with a
/// character outside the Basic Multilingual Plane is masked by character, not by UTF-16 unit.
/// </summary>
internal static class NameMasking
{
    public static string Mask(string name)
    {
        var characters = StringInfo.GetTextElementEnumerator(name.Trim());
        var elements = new List<string>();
        while (characters.MoveNext())
        {
            elements.Add(characters.GetTextElement());
        }

        return elements.Count switch
        {
            0 => string.Empty,
            1 => "*",
            2 => elements[0] + "*",
            _ => new StringBuilder(elements[0]).Append('*', elements.Count - 2).Append(elements[^1]).ToString(),
        };
    }
}

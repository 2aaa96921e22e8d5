using System.Text;

namespace Exchange.Adapters.CodeSystems;

/// <summary>
/// Reads the code-system CSV dialect: UTF-8, comma-separated, a header row, one record per line,
/// fields optionally double-quoted (a quote inside a quoted field is doubled). Blank lines are ignored.
/// </summary>
internal static class CsvReader
{
    /// <summary>Reads every data row, checking the header is exactly <paramref name="header"/>.</summary>
    public static IReadOnlyList<CsvRow> Read(string file, Stream stream, IReadOnlyList<string> header)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            columns.Add(header[i], i);
        }

        var rows = new List<CsvRow>();
        var lineNumber = 0;
        var sawHeader = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = Split(file, lineNumber, line);
            if (!sawHeader)
            {
                if (!fields.SequenceEqual(header, StringComparer.Ordinal))
                {
                    throw new CodeSystemFormatException(
                        file, lineNumber, $"header is '{line}'; expected '{string.Join(',', header)}'");
                }

                sawHeader = true;
                continue;
            }

            if (fields.Count != header.Count)
            {
                throw new CodeSystemFormatException(
                    file, lineNumber, $"row has {fields.Count} fields; the header has {header.Count}");
            }

            rows.Add(new CsvRow(file, lineNumber, columns, fields));
        }

        if (!sawHeader)
        {
            throw new CodeSystemFormatException(file, 0, "file is empty; expected a header row");
        }

        return rows;
    }

    private static List<string> Split(string file, int lineNumber, string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new CodeSystemFormatException(file, lineNumber, "quoted field is not closed");
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                if (i < line.Length && line[i] != ',')
                {
                    throw new CodeSystemFormatException(
                        file, lineNumber, $"character {i + 1} follows a closing quote; expected a comma");
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    if (line[i] == '"')
                    {
                        throw new CodeSystemFormatException(
                            file, lineNumber, $"character {i + 1} is a quote inside an unquoted field");
                    }

                    field.Append(line[i++]);
                }
            }

            fields.Add(field.ToString());
            if (i >= line.Length)
            {
                return fields;
            }

            i++; // the comma
        }
    }
}

using System.Text;

namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// Reads CSV (RFC 4180: commas, double-quoted fields with "" for a quote and line breaks inside quotes) one record at
/// a time from a reader, so a long file is never split into lines or fields all at once.
/// </summary>
public static class CsvRows
{
    /// <summary>Every record, in file order; a blank line is a record of one empty field.</summary>
    public static IEnumerable<string[]> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (ch == '\0')
            {
                throw new InvalidDataException("A NUL character: this is not a text file.");
            }

            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    yield return [.. fields];
                    fields.Clear();
                    field.Clear();
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    any = true;
                    break;
            }
        }

        if (any || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }
}

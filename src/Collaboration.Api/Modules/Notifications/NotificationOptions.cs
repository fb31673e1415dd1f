namespace Collaboration.Api.Modules.Notifications;

/// <summary>The <c>Notifications</c> configuration section: the SMTP server and each partner's webhook.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Webhook endpoints of partner systems, keyed by the partner's id.</summary>
    public Dictionary<Guid, WebhookSettings> Webhooks { get; set; } = [];

    /// <summary>How many times a webhook call is tried before it goes to the dead letters.</summary>
    public int WebhookAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; each further one waits about twice as long, with jitter.</summary>
    public TimeSpan WebhookFirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Where the dashboard is, for links in e-mails (optional).</summary>
    public Uri? DashboardUrl { get; set; }

    public WebhookSettings? WebhookOf(Guid partner) =>
        Webhooks.TryGetValue(partner, out var webhook) && webhook is { Url: not null, Secret.Length: > 0 } ? webhook : null;
}

/// <summary><c>Notifications:Smtp</c>: without <see cref="Host"/> and <see cref="Sender"/> no e-mail is sent (the inbox works regardless).</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>The From address.</summary>
    public string? Sender { get; set; }

    public string SenderName { get; set; } = "政社合作 Collaboration";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS when the server offers it (<c>true</c>), or a plain connection (<c>false</c>, a relay on loopback).</summary>
    public bool UseStartTls { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(Sender);
}

/// <summary>One partner system's endpoint and the secret its calls are signed with.</summary>
public sealed class WebhookSettings
{
    public Uri? Url { get; set; }

    public string? Secret { get; set; }
}
